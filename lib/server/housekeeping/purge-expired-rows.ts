import "server-only";
import type { Db } from "@/lib/server/db";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long each kind of row is kept once it can no longer serve. The graces are for support and for
 * detection, never for use: every row below is refused by its own code the moment it expires.
 */
export const RETENTION = {
  /** Codes and authorization requests: a little while, so a late "this code has expired" still finds them. */
  expiredCodeMs: HOUR_MS,
  /** A used authorization code is kept a day: replaying it within that day still revokes what it issued. */
  authorizationCodeMs: DAY_MS,
  /** Tokens go a day after the last token of their family expired: a rotated refresh token must stay
   * while its family lives, since presenting it again is what reveals a theft (RFC 9700). */
  tokenFamilyMs: DAY_MS,
  /** A sent message's body may hold a sign-in code or a reset link (both dead within 30 minutes). */
  sentMessageMs: HOUR_MS,
  /** A message never sent (relay down, no sender) is left a week for a human to look at. */
  unsentMessageMs: 7 * DAY_MS,
} as const;

const BATCH = 1_000;

export type PurgeExpiredRowsResult = Record<"rateLimitBuckets" | "sessions" | "verificationCodes" | "authorizationRequests" | "authorizationCodes" | "tokens" | "messages", number>;

/**
 * Deletes rows that have outlived their use, in batches of a thousand so that no statement holds many
 * locks or runs long. Every instance runs it (start-housekeeping.ts): rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so two passes at once share the work and a row being used right now (a
 * session being validated, a message being sent) is left for the next pass.
 */
export async function purgeExpiredRows(db: Pick<Db, "$executeRaw">, { now = new Date(), sessionIdleMs }: { now?: Date; sessionIdleMs: number }): Promise<PurgeExpiredRowsResult> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const codeCutoff = ago(RETENTION.expiredCodeMs);
  const authorizationCodeCutoff = ago(RETENTION.authorizationCodeMs);
  const tokenCutoff = ago(RETENTION.tokenFamilyMs);
  const sentCutoff = ago(RETENTION.sentMessageMs);
  const unsentCutoff = ago(RETENTION.unsentMessageMs);
  const idleCutoff = ago(sessionIdleMs);

  return {
    // A bucket whose window ended is reset by its next use anyway; one-off keys (IP addresses) would stay forever.
    rateLimitBuckets: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (SELECT "key" FROM "RateLimitBucket" WHERE "expiresAt" < ${now} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "RateLimitBucket" row USING doomed WHERE row."key" = doomed."key"`,
    ),
    // Expired sessions are deleted when they are next presented; one never presented again would stay.
    sessions: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (
          SELECT "id" FROM "Session"
          WHERE "expiresAt" < ${now} OR ("stage" = 'FULL' AND "lastSeenAt" < ${idleCutoff})
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "Session" row USING doomed WHERE row."id" = doomed."id"`,
    ),
    verificationCodes: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (SELECT "id" FROM "VerificationCode" WHERE "expiresAt" < ${codeCutoff} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "VerificationCode" row USING doomed WHERE row."id" = doomed."id"`,
    ),
    authorizationRequests: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (SELECT "id" FROM "OAuthAuthorizationRequest" WHERE "expiresAt" < ${codeCutoff} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "OAuthAuthorizationRequest" row USING doomed WHERE row."id" = doomed."id"`,
    ),
    authorizationCodes: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (SELECT "codeHash" FROM "OAuthAuthorizationCode" WHERE "expiresAt" < ${authorizationCodeCutoff} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "OAuthAuthorizationCode" row USING doomed WHERE row."codeHash" = doomed."codeHash"`,
    ),
    tokens: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (
          SELECT token."id" FROM "OAuthToken" token
          WHERE token."expiresAt" < ${tokenCutoff}
            AND NOT EXISTS (SELECT 1 FROM "OAuthToken" kin WHERE kin."familyId" = token."familyId" AND kin."expiresAt" >= ${tokenCutoff})
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "OAuthToken" row USING doomed WHERE row."id" = doomed."id"`,
    ),
    messages: await inBatches(
      () => db.$executeRaw`
        WITH doomed AS (
          SELECT "id" FROM "OutboundMessage"
          WHERE "sentAt" < ${sentCutoff} OR ("sentAt" IS NULL AND "createdAt" < ${unsentCutoff})
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM "OutboundMessage" row USING doomed WHERE row."id" = doomed."id"`,
    ),
  };
}

/** Runs a batch delete until a batch comes back short; returns the total. */
async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await deleteBatch();
    total += count;
    if (count < BATCH) return total;
  }
}
