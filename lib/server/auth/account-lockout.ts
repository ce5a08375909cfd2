import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

/**
 * Stands for "locked until support unlocks it": far enough that no expiry check ever passes, and a
 * real timestamp so `lockedUntil > now()` stays the one test for "locked".
 */
export const LOCKED_UNTIL_SUPPORT_UNLOCKS = new Date("9999-12-31T23:59:59.999Z");

/**
 * Per-account throttling of sign-in failures (password or second factor), on top of the per-IP and
 * per-account rate limits (ASVS 6.3.1 / 2.4.1, NIST 800-63B § 3.2.2). Failures count in a row; a
 * success resets them. The lock comes when the count *reaches* a threshold, and the attempts between
 * two thresholds are not locked again:
 *
 *   5th failure  → 1 minute          20th → 30 minutes
 *   10th         → 5 minutes         30th, 40th, … 90th → 60 minutes each
 *   100th        → locked until support unlocks it (NIST: at most 100 consecutive failures)
 *
 * So an attacker gets at most 100 guesses per account, spread over more than 7½ hours, and a person
 * who mistypes a few times waits a minute at worst. Locks are never shortened by a later, smaller one.
 */
export const LOCKOUT_POLICY = {
  steps: [
    { failures: 5, minutes: 1 },
    { failures: 10, minutes: 5 },
    { failures: 20, minutes: 30 },
  ],
  /** After the last step, each further `every` failures lock for `minutes`. */
  thereafter: { every: 10, minutes: 60 },
  /** From this many failures in a row, only support staff can unlock (`unlockAccount`). */
  supportUnlockAt: 100,
} as const;

export type FailedSignInResult = {
  /** When the account is now locked until; null when it is not locked. */
  lockedUntil: Date | null;
  /** Consecutive failures, this one included. */
  failures: number;
};

/**
 * Counts a failure and locks the account when a threshold is reached, in one UPDATE: PostgreSQL
 * locks the row, so concurrent failures (a parallel guessing attack) are each counted and each
 * threshold fires exactly once, whatever the number of app instances.
 *
 * It counts every call, locked or not: the sign-in must not even check a password while the account
 * is locked (`isLocked`), so it only calls this for failures it actually evaluated.
 */
export async function recordFailedSignIn(db: Pick<Db, "$queryRaw">, userId: string): Promise<FailedSignInResult> {
  const { steps, thereafter, supportUnlockAt } = LOCKOUT_POLICY;
  const failures = Prisma.sql`("consecutiveFailures" + 1)`;
  const lockFor = (minutes: number) => Prisma.sql`GREATEST("lockedUntil", now() + make_interval(mins => ${minutes}::int))`;
  const lastStep = steps[steps.length - 1].failures;

  const rows = await db.$queryRaw<FailedSignInResult[]>`
    UPDATE "User" SET
      "consecutiveFailures" = ${failures},
      "lockedUntil" = CASE
        WHEN ${failures} >= ${supportUnlockAt}::int THEN ${LOCKED_UNTIL_SUPPORT_UNLOCKS}::timestamptz
        ${Prisma.join(
          steps.map((step) => Prisma.sql`WHEN ${failures} = ${step.failures}::int THEN ${lockFor(step.minutes)}`),
          " ",
        )}
        WHEN ${failures} > ${lastStep}::int AND (${failures} - ${lastStep}::int) % ${thereafter.every}::int = 0
          THEN ${lockFor(thereafter.minutes)}
        ELSE "lockedUntil"
      END,
      "updatedAt" = now()
    WHERE "id" = ${userId}::uuid
    RETURNING
      "consecutiveFailures" AS "failures",
      CASE WHEN "lockedUntil" > now() THEN "lockedUntil" END AS "lockedUntil"`;

  if (rows.length === 0) throw new Error("recordFailedSignIn: no such user");
  return rows[0];
}

function clearFailures(db: Pick<Db, "user">, userId: string) {
  return db.user.update({ where: { id: userId }, data: { consecutiveFailures: 0, lockedUntil: null }, select: { id: true } });
}

/** A complete sign-in (both factors) starts the count again. */
export async function recordSuccessfulSignIn(db: Pick<Db, "user">, userId: string): Promise<void> {
  await clearFailures(db, userId);
}

/** For support staff, after checking who is asking; also lifts the lock that only support can lift. */
export async function unlockAccount(db: Pick<Db, "user">, userId: string): Promise<void> {
  await clearFailures(db, userId);
}

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

/** Locked beyond any expiry: the sign-in page tells the person to contact support, not to wait. */
export function needsSupportUnlock(user: { lockedUntil: Date | null }): boolean {
  return user.lockedUntil !== null && user.lockedUntil >= LOCKED_UNTIL_SUPPORT_UNLOCKS;
}
