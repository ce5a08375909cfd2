import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";

/** Long enough for someone slow with a security key or a screen reader (WCAG 2.2.1), short for a thief. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = "WEBAUTHN_REGISTRATION" | "WEBAUTHN_AUTHENTICATION";

type ChallengeDb = Pick<Db, "verificationCode">;

/**
 * A challenge is 32 random bytes, so a plain SHA-256 cannot be reversed: unlike a 6-digit code it
 * needs no key. Stored hashed all the same, so a database reader cannot answer a live ceremony.
 */
export function hashChallenge(challenge: string): string {
  return createHash("sha256").update(challenge).digest("hex");
}

/** Keeps a new challenge for the user; earlier ones of the same purpose stop working. */
export async function storePasskeyChallenge(
  db: ChallengeDb,
  { userId, purpose, challenge, now = new Date() }: { userId: string; purpose: ChallengePurpose; challenge: string; now?: Date },
): Promise<void> {
  await db.verificationCode.updateMany({ where: { userId, purpose, consumedAt: null }, data: { consumedAt: now } });
  await db.verificationCode.create({
    data: { userId, purpose, codeHash: hashChallenge(challenge), expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
    select: { id: true },
  });
}

/**
 * True once per live challenge of this user and purpose: the conditional UPDATE is the check, so a
 * replayed response, or two submitted at the same moment, find it already consumed.
 */
export async function consumePasskeyChallenge(
  db: ChallengeDb,
  { userId, purpose, challenge, now = new Date() }: { userId: string; purpose: ChallengePurpose; challenge: string; now?: Date },
): Promise<boolean> {
  const { count } = await db.verificationCode.updateMany({
    where: { userId, purpose, codeHash: hashChallenge(challenge), consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  return count === 1;
}

/** Per account: plenty for retries after a cancelled prompt, and it keeps the table from being filled. */
export const CHALLENGE_LIMIT = { limit: 20, windowSeconds: 15 * 60 };

/** Counts one challenge request; throws RATE_LIMITED past the limit. */
export async function limitChallengeRequests(db: Pick<Db, "$queryRaw">, userId: string): Promise<void> {
  const result = await consumeRateLimit(db, { key: `passkeyChallenge:account:${userId}`, ...CHALLENGE_LIMIT });
  if (!result.allowed) throw new AppError("RATE_LIMITED", "passkey challenge limit", { messageKey: "passkeys.errors.rateLimited" });
}
