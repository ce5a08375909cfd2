import "server-only";
import type { Db } from "@/lib/server/db";
import { hashSessionToken } from "./session-token";

/** Sign out: the session behind this token ends now. */
export async function endSession(db: Pick<Db, "session">, token: string): Promise<boolean> {
  return (await db.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } })).count === 1;
}

/** "Sign out this device": only among the person's own sessions, so an id from elsewhere does nothing. */
export async function revokeSession(
  db: Pick<Db, "session">,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<boolean> {
  return (await db.session.deleteMany({ where: { id: sessionId, userId } })).count === 1;
}

/** "Sign out all other sessions". */
export async function revokeOtherSessions(
  db: Pick<Db, "session">,
  { userId, keepSessionId }: { userId: string; keepSessionId: string },
): Promise<number> {
  return (await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } })).count;
}

/** Password change or reset, support reset, account disabled: every session of the account ends. */
export async function revokeAllSessions(db: Pick<Db, "session">, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}
