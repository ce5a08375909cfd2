"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { defineAction } from "@/lib/server/action/define-action";
import { confirmEmailChange } from "@/lib/server/auth/change-email/confirm-email-change";
import { requestEmailChange } from "@/lib/server/auth/change-email/request-email-change";
import { changePassword } from "@/lib/server/auth/change-password";
import { removeFactor } from "@/lib/server/auth/remove-factor";
import { signOutOtherSessions } from "@/lib/server/auth/security-settings/sign-out-other-sessions";
import { signOutSession } from "@/lib/server/auth/security-settings/sign-out-session";

const password = z
  .string()
  .min(1, "security.form.required")
  .max(PASSWORD_MAX_LENGTH * 4, "security.passwordProblems.TOO_LONG");

/** Taking access away needs no re-authentication: it can only protect the account. */
export const signOutSessionAction = defineAction({
  input: z.object({ sessionId: z.uuid() }),
  access: { permission: "account:manage-own" },
  run: async ({ input, session, ctx }) => {
    await signOutSession(ctx, { currentSessionId: session.sessionId, sessionId: input.sessionId });
    revalidatePath("/securite");
    return null;
  },
});

export const signOutOtherSessionsAction = defineAction({
  input: z.object({}),
  access: { permission: "account:manage-own" },
  run: async ({ session, ctx }) => {
    const result = await signOutOtherSessions(ctx, { currentSessionId: session.sessionId });
    revalidatePath("/securite");
    return result;
  },
});

/** Any kind of factor, by id; other features' sections (passkeys, codes) use it too. */
export const removeFactorAction = defineAction({
  input: z.object({ factorId: z.uuid() }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ input, ctx }) => {
    await removeFactor(ctx, { factorId: input.factorId });
    revalidatePath("/securite");
    return null;
  },
});

export const changePasswordAction = defineAction({
  input: z.object({ currentPassword: password, newPassword: password }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ input, session, ctx }) => {
    const result = await changePassword(ctx, {
      keepSessionId: session.sessionId,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    revalidatePath("/securite");
    return result;
  },
});

export const requestEmailChangeAction = defineAction({
  input: z.object({ email: z.string().trim().toLowerCase().pipe(z.email("security.email.invalid").max(254, "security.email.invalid")) }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ input, ctx }) => requestEmailChange(ctx, { newEmail: input.email }),
});

export const confirmEmailChangeAction = defineAction({
  input: z.object({ code: z.string().trim().min(1, "security.form.required").max(20) }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ input, ctx }) => {
    const result = await confirmEmailChange(ctx, { code: input.code });
    revalidatePath("/securite");
    return result;
  },
});
