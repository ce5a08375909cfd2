import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { signUpInput } from "@/lib/schemas/sign-up";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { mailText } from "@/lib/server/messaging/mail-text";
import { consumeAbuseLimit } from "../abuse-limits";
import { checkPassword } from "../check-password";
import { CODE_POLICY, issueCode } from "../codes/one-time-codes";
import { hashPassword } from "../password-hash";
import { recordSecurityEvent } from "../record-security-event";

type SignUp = z.output<typeof signUpInput>;

/**
 * Creates a patient account waiting for its e-mail confirmation and mails the code, all in one
 * transaction. The answer is the same whether or not the address already has an account (ASVS 6.3.8):
 * the owner of a taken address gets a mail saying someone tried, nobody else learns anything. The
 * password is hashed either way, so timing tells nothing either.
 */
export async function signUp(ctx: Ctx, { input, locale }: { input: SignUp; locale: "fr" | "en" }): Promise<void> {
  const { db } = ctx;
  const limit = await consumeAbuseLimit(db, { action: "signUp", subject: input.email, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED");
  const problem = checkPassword(input.password, input);
  if (problem) throw new AppError("BAD_REQUEST", "password refused", { messageKey: `auth.passwordProblems.${problem}`, field: "password" });

  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, firstName: true, locale: true } });
  if (existing) {
    await tellOwnerOfAttempt(ctx, existing, input.email);
    return;
  }
  try {
    const messageId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          passwordChangedAt: ctx.now(),
          firstName: input.firstName,
          lastName: input.lastName,
          birthDate: input.birthDate,
          // A claim only: never unique, never how a professional finds anyone (see IdentityQualification).
          declaredNir: input.nir ?? null,
          locale,
          roles: ["PATIENT"],
          status: "PENDING_VERIFICATION",
        },
        select: { id: true },
      });
      await recordSecurityEvent(tx, { userId: user.id, kind: "SIGNED_UP", context: ctx });
      const code = await issueCode(tx, { userId: user.id, purpose: "EMAIL_VERIFICATION" });
      const mail = await mailText(locale, "emailVerification", {
        firstName: input.firstName,
        code,
        minutes: CODE_POLICY.EMAIL_VERIFICATION.ttlMinutes,
      });
      return enqueueEmail(tx, { to: input.email, ...mail });
    });
    afterCommitDeliver(messageId);
  } catch (error) {
    // A race on the same address: the same answer as any sign-up. (A NIR declared elsewhere is no
    // obstacle: declared NIRs are not unique, so whether one is taken cannot be learnt here.)
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return;
    throw error;
  }
}

async function tellOwnerOfAttempt(ctx: Ctx, owner: { id: string; firstName: string; locale: "fr" | "en" }, email: string) {
  const { db } = ctx;
  await recordSecurityEvent(db, { userId: owner.id, kind: "SIGN_UP_ATTEMPTED_WITH_EMAIL", context: ctx });
  const limit = await consumeAbuseLimit(db, { action: "codeSend", subject: owner.id, ipAddress: ctx.ip });
  if (!limit.allowed) return;
  const mail = await mailText(owner.locale, "signUpExistingEmail", { firstName: owner.firstName });
  afterCommitDeliver(await enqueueEmail(db, { to: email, ...mail }));
}
