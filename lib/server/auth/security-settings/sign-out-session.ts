import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordSecurityEvent } from "../record-security-event";
import { revokeSession } from "../sessions/revoke-sessions";

/**
 * "Sign out this device" from the session list. Not the current session (that is the ordinary sign
 * out), and only one of the person's own: another account's session id simply is not found.
 */
export async function signOutSession(
  ctx: SignedInCtx,
  { currentSessionId, sessionId }: { currentSessionId: string; sessionId: string },
): Promise<void> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  if (sessionId === currentSessionId) throw new AppError("BAD_REQUEST", "use sign out for the current session");
  if (!(await revokeSession(db, { userId, sessionId }))) throw new AppError("NOT_FOUND", "session not found");
  await recordSecurityEvent(db, { userId, kind: "SESSION_REVOKED", context: ctx });
}
