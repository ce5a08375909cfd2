"use server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { confirmEmailInput, signUpInput } from "@/lib/schemas/sign-up";
import { defineAction } from "@/lib/server/action/define-action";
import { confirmEmail } from "@/lib/server/auth/sign-up/confirm-email";
import { signUp } from "@/lib/server/auth/sign-up/sign-up";

export const signUpAction = defineAction({
  input: signUpInput,
  access: { public: true },
  async run({ input, ctx }) {
    const locale = await getAppLocale();
    await signUp(ctx, { input, locale });
    // The same answer for a new and a taken address; the form keeps the address for the next step.
    return { email: input.email };
  },
});

export const confirmEmailAction = defineAction({
  input: confirmEmailInput,
  access: { public: true },
  async run({ input, ctx }) {
    await confirmEmail(ctx, { email: input.email, code: input.code });
    return null;
  },
});
