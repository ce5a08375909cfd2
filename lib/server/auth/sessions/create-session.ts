import "server-only";
import type { Db } from "@/lib/server/db";
import type { RequestContext } from "../record-security-event";
import { hashSessionToken, newSessionToken } from "./session-token";
import { sessionPolicy, type SessionPolicy } from "./session-policy";

/**
 * Starts a half-authenticated session after a correct password. It reaches nothing but the second-
 * factor step, and expires quickly; completeSecondFactor replaces it with a full session.
 */
export async function startPasswordSession(
  db: Pick<Db, "session">,
  {
    userId,
    context,
    now = new Date(),
    policy = sessionPolicy(),
  }: { userId: string; context?: RequestContext; now?: Date; policy?: SessionPolicy },
): Promise<{ token: string; sessionId: string }> {
  const token = newSessionToken();
  const session = await db.session.create({
    data: {
      userId,
      tokenHash: hashSessionToken(token),
      stage: "PASSWORD_VERIFIED",
      authenticatedAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.secondFactorMs),
      userAgent: context?.userAgent?.slice(0, 500) ?? null,
      ipAddress: context?.ip?.slice(0, 45) ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id };
}

/**
 * After the second factor: the half session is deleted and a full one created under a NEW token
 * (ASVS 7.2.4: a token known before sign-in, or stolen between the steps, is worth nothing after).
 * Returns null when the half session is gone, expired or already used.
 */
export async function completeSecondFactor(
  db: Db,
  { halfToken, now = new Date(), policy = sessionPolicy() }: { halfToken: string; now?: Date; policy?: SessionPolicy },
): Promise<{ token: string; sessionId: string; userId: string } | null> {
  return db.$transaction(async (tx) => {
    const half = await tx.session.findFirst({
      where: { tokenHash: hashSessionToken(halfToken), stage: "PASSWORD_VERIFIED", expiresAt: { gt: now } },
      select: { id: true, userId: true, userAgent: true, ipAddress: true },
    });
    if (!half) return null;
    // The conditional delete is what makes the upgrade single-use: of two concurrent requests, the
    // second waits on the row lock, then deletes nothing and gets no session.
    const { count } = await tx.session.deleteMany({ where: { id: half.id } });
    if (count !== 1) return null;
    const token = newSessionToken();
    const session = await tx.session.create({
      data: {
        userId: half.userId,
        tokenHash: hashSessionToken(token),
        stage: "FULL",
        authenticatedAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + policy.absoluteMs),
        userAgent: half.userAgent,
        ipAddress: half.ipAddress,
      },
      select: { id: true },
    });
    return { token, sessionId: session.id, userId: half.userId };
  });
}
