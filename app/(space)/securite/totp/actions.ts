"use server";

import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { confirmAddedTotp } from "@/lib/server/auth/security-settings/confirm-added-totp";
import { startTotpEnrolment } from "@/lib/server/auth/totp/start-totp-enrolment";
import { getDb } from "@/lib/server/db";

export type TotpSetup = { factorId: string; secretGroups: string[]; otpauthUri: string; qrDataUri: string };

/** Adding a way in is sensitive: whoever holds a stolen session must not plant their own app. */
export const startTotpEnrolmentAction = defineAction({
  input: z.object({}),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ session }): Promise<TotpSetup> => {
    const enrolment = await startTotpEnrolment(getDb(), { userId: session.user.id, accountLabel: session.user.email });
    return {
      factorId: enrolment.factorId,
      // Groups of four read aloud or typed without losing one's place.
      secretGroups: enrolment.secretBase32.match(/.{1,4}/g) ?? [],
      otpauthUri: enrolment.otpauthUri,
      // An <img> of the SVG: no markup injected into the page, and the CSP allows data: images.
      qrDataUri: `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString("base64")}`,
    };
  },
});

export const confirmTotpEnrolmentAction = defineAction({
  input: z.object({
    factorId: z.uuid(),
    code: z.string().trim().min(1, "security.form.required").max(20),
    label: z.string().trim().max(100, "security.totp.labelTooLong").optional(),
  }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ input, ctx }) => {
    await confirmAddedTotp(ctx, { factorId: input.factorId, code: input.code, label: input.label || undefined });
    return null;
  },
});
