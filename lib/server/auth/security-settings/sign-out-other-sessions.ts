import "server-only";
import type { Db } from "@/lib/server/db";
import { recordSecurityEvent, type RequestContext } from "../record-security-event";
import { revokeOtherSessions } from "../sessions/revoke-sessions";

/**
 * "Sign out all other sessions": every session of the account but this one ends at once, half ones
 * included. No re-authentication needed: it only ever takes access away.
 */
export async function signOutOtherSessions(
  db: Db,
  { userId, currentSessionId, context }: { userId: string; currentSessionId: string; context: RequestContext },
): Promise<{ ended: number }> {
  const ended = await revokeOtherSessions(db, { userId, keepSessionId: currentSessionId });
  if (ended > 0) await recordSecurityEvent(db, { userId, kind: "SESSION_REVOKED", context });
  return { ended };
}
