import "server-only";
import type { Db } from "@/lib/server/db";
import { recordSecurityEvent, type RequestContext } from "../record-security-event";
import { generateRecoveryCodes, type RecoveryCodeKeyOptions } from "../recovery-codes";

/**
 * New recovery codes for the "Sécurité" page: the ten returned are the only time they are ever
 * readable, and every earlier code stops working.
 */
export async function regenerateRecoveryCodes(
  db: Db,
  { userId, context, hmacKey }: { userId: string; context: RequestContext } & RecoveryCodeKeyOptions,
): Promise<string[]> {
  const codes = await generateRecoveryCodes(db, { userId, hmacKey });
  await recordSecurityEvent(db, { userId, kind: "RECOVERY_CODES_REGENERATED", context });
  return codes;
}
