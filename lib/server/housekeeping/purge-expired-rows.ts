import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";

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

export type PurgeExpiredRowsResult = Record<
  "rateLimitBuckets" | "sessions" | "verificationCodes" | "authorizationRequests" | "authorizationCodes" | "tokens" | "messages",
  number
>;

/**
 * Deletes rows that have outlived their use, in batches of a thousand so that no statement holds many
 * locks or runs long. Every instance runs it (start-housekeeping.ts): rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so two passes at once share the work and a row being used right now (a
 * session being validated, a message being sent) is left for the next pass.
 */
export async function purgeExpiredRows(
  { db, now: clock, config }: Ctx,
  { sessionIdleMs = config.sessionIdleMs }: { sessionIdleMs?: number } = {},
): Promise<PurgeExpiredRowsResult> {
  const now = clock();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const codeCutoff = ago(RETENTION.expiredCodeMs);
  const authorizationCodeCutoff = ago(RETENTION.authorizationCodeMs);
  const tokenCutoff = ago(RETENTION.tokenFamilyMs);
  const sentCutoff = ago(RETENTION.sentMessageMs);
  const unsentCutoff = ago(RETENTION.unsentMessageMs);
  const idleCutoff = ago(sessionIdleMs);

  // Table and key names are constants of this file, never input: safe to splice in as identifiers.
  const purge = (table: string, key: string, condition: Prisma.Sql) =>
    inBatches(
      () => db.$executeRaw`
        WITH doomed AS (SELECT ${Prisma.raw(`"${key}"`)} FROM ${Prisma.raw(`"${table}"`)} WHERE ${condition} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        DELETE FROM ${Prisma.raw(`"${table}"`)} row USING doomed WHERE ${Prisma.raw(`row."${key}" = doomed."${key}"`)}`,
    );

  return {
    // A bucket whose window ended is reset by its next use anyway; one-off keys (IP addresses) would stay forever.
    rateLimitBuckets: await purge("RateLimitBucket", "key", Prisma.sql`"expiresAt" < ${now}`),
    // Expired sessions are deleted when they are next presented; one never presented again would stay.
    sessions: await purge("Session", "id", Prisma.sql`"expiresAt" < ${now} OR ("stage" = 'FULL' AND "lastSeenAt" < ${idleCutoff})`),
    verificationCodes: await purge("VerificationCode", "id", Prisma.sql`"expiresAt" < ${codeCutoff}`),
    authorizationRequests: await purge("OAuthAuthorizationRequest", "id", Prisma.sql`"expiresAt" < ${codeCutoff}`),
    authorizationCodes: await purge("OAuthAuthorizationCode", "codeHash", Prisma.sql`"expiresAt" < ${authorizationCodeCutoff}`),
    tokens: await purge(
      "OAuthToken",
      "id",
      Prisma.sql`"expiresAt" < ${tokenCutoff} AND NOT EXISTS (SELECT 1 FROM "OAuthToken" kin WHERE kin."familyId" = "OAuthToken"."familyId" AND kin."expiresAt" >= ${tokenCutoff})`,
    ),
    messages: await purge(
      "OutboundMessage",
      "id",
      Prisma.sql`"sentAt" < ${sentCutoff} OR ("sentAt" IS NULL AND "createdAt" < ${unsentCutoff})`,
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
