import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordSecurityEvent, type RequestContext } from "../record-security-event";
import { revokeSession } from "../sessions/revoke-sessions";

/**
 * "Sign out this device" from the session list. Not the current session (that is the ordinary sign
 * out), and only one of the person's own: another account's session id simply is not found.
 */
export async function signOutSession(
  db: Db,
  {
    userId,
    currentSessionId,
    sessionId,
    context,
  }: { userId: string; currentSessionId: string; sessionId: string; context: RequestContext },
): Promise<void> {
  if (sessionId === currentSessionId) throw new AppError("BAD_REQUEST", "use sign out for the current session");
  if (!(await revokeSession(db, { userId, sessionId }))) throw new AppError("NOT_FOUND", "session not found");
  await recordSecurityEvent(db, { userId, kind: "SESSION_REVOKED", context });
}
