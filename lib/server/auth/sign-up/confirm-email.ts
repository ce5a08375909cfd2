import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { consumeAbuseLimit } from "../abuse-limits";
import { checkCode } from "../codes/one-time-codes";
import { recordSecurityEvent } from "../record-security-event";

/**
 * Confirms the address of a new account with the code mailed to it. An unknown address, an already
 * confirmed one and a wrong code all get the same refusal.
 */
export async function confirmEmail(ctx: Ctx, { email, code }: { email: string; code: string }): Promise<void> {
  const { db } = ctx;
  const limit = await consumeAbuseLimit(db, { action: "codeCheck", subject: email, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED");
  const refused = new AppError("BAD_REQUEST", "invalid e-mail confirmation", { messageKey: "auth.signUp.invalidCode", field: "code" });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, status: true } });
  if (!user || user.status !== "PENDING_VERIFICATION") throw refused;
  const check = await checkCode(db, { userId: user.id, purpose: "EMAIL_VERIFICATION", code });
  if (!check.ok) throw refused;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE", emailVerifiedAt: ctx.now() }, select: { id: true } });
    await recordSecurityEvent(tx, { userId: user.id, kind: "EMAIL_VERIFIED", context: ctx });
  });
}
