import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { recordSecurityEvent } from "../record-security-event";
import { generateRecoveryCodes, type RecoveryCodeKeyOptions } from "../recovery-codes";

/**
 * New recovery codes for the "Sécurité" page: the ten returned are the only time they are ever
 * readable, and every earlier code stops working.
 */
export async function regenerateRecoveryCodes(ctx: SignedInCtx, { hmacKey }: RecoveryCodeKeyOptions = {}): Promise<string[]> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const codes = await generateRecoveryCodes(db, { userId, hmacKey });
  await recordSecurityEvent(db, { userId, kind: "RECOVERY_CODES_REGENERATED", context: ctx });
  return codes;
}
