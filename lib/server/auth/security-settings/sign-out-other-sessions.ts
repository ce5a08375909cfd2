import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { recordSecurityEvent } from "../record-security-event";
import { revokeOtherSessions } from "../sessions/revoke-sessions";

/**
 * "Sign out all other sessions": every session of the account but this one ends at once, half ones
 * included. No re-authentication needed: it only ever takes access away.
 */
export async function signOutOtherSessions(
  ctx: SignedInCtx,
  { currentSessionId }: { currentSessionId: string },
): Promise<{ ended: number }> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const ended = await revokeOtherSessions(db, { userId, keepSessionId: currentSessionId });
  if (ended > 0) await recordSecurityEvent(db, { userId, kind: "SESSION_REVOKED", context: ctx });
  return { ended };
}
