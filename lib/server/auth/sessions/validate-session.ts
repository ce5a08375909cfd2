import "server-only";
import type { Db } from "@/lib/server/db";
import type { Role, SessionStage } from "@/lib/generated/prisma/client";
import { hashSessionToken } from "./session-token";
import { sessionPolicy, type SessionPolicy } from "./session-policy";

export type ValidSession = {
  sessionId: string;
  stage: SessionStage;
  authenticatedAt: Date;
  user: { id: string; email: string; firstName: string; lastName: string; roles: Role[] };
};

/** Writing lastSeenAt on every request would turn each page view into a write; a minute is precise enough for a 30-minute idle timeout. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session behind a cookie token, checked on every request against the database, so logout,
 * revocation, a password change or a disabled account take effect on the very next request.
 * Expired sessions (idle or absolute) are deleted on sight.
 */
export async function validateSession(
  db: Pick<Db, "session">,
  { token, now = new Date(), policy = sessionPolicy() }: { token: string | undefined; now?: Date; policy?: SessionPolicy },
): Promise<ValidSession | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: {
      id: true,
      stage: true,
      authenticatedAt: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, firstName: true, lastName: true, roles: true, status: true } },
    },
  });
  if (!session) return null;

  const idleExpired = session.stage === "FULL" && now.getTime() - session.lastSeenAt.getTime() > policy.idleMs;
  if (session.expiresAt <= now || idleExpired || session.user.status !== "ACTIVE") {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { status: _status, ...user } = session.user;
  return { sessionId: session.id, stage: session.stage, authenticatedAt: session.authenticatedAt, user };
}
