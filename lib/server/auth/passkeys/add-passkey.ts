import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordSecurityEvent } from "../record-security-event";
import type { Deliver } from "../security-settings/deliver";
import { queueSecurityMail } from "../security-settings/queue-security-mail";
import { relyingParty, type RelyingParty } from "./relying-party";
import { verifyPasskeyRegistration } from "./verify-passkey-registration";

/**
 * Adds another passkey to an account signed in fully (Sécurité page). The new factor, its security
 * event and the warning mail commit together; the mail tells the owner in case it was not them.
 */
export async function addPasskey(
  ctx: SignedInCtx,
  {
    response,
    label,
    rp = relyingParty(),
    deliver = afterCommitDeliver,
  }: { response: string; label?: string; rp?: RelyingParty; deliver?: Deliver },
): Promise<void> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  // A refused response returns null rather than throwing, so the transaction still commits the
  // consumed challenge: a refused response cannot be followed by another attempt on the same one.
  const messageId = await db.$transaction(async (tx) => {
    if (!(await verifyPasskeyRegistration(tx, { userId, response, label, rp }))) return null;
    await recordSecurityEvent(tx, { userId, kind: "FACTOR_ENROLLED", context: ctx });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
    return queueSecurityMail(tx, { to: user, template: "factorChanged" });
  });
  if (messageId === null)
    throw new AppError("BAD_REQUEST", "passkey registration refused", { messageKey: "passkeys.errors.registrationRefused" });
  deliver(messageId);
}
