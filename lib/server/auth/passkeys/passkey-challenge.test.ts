import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { useTestDb } from "@/lib/testing/test-db";
import {
  CHALLENGE_LIMIT,
  CHALLENGE_TTL_MS,
  consumePasskeyChallenge,
  hashChallenge,
  limitChallengeRequests,
  storePasskeyChallenge,
} from "./passkey-challenge";

describe("passkey challenges", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `pk-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });
  const challenge = () => randomUUID().replaceAll("-", "");
  const purpose = "WEBAUTHN_AUTHENTICATION" as const;

  it("keeps only the SHA-256 of the challenge, for five minutes", async () => {
    const user = await newUser();
    const value = challenge();
    const now = new Date("2026-03-01T10:00:00Z");
    await storePasskeyChallenge(db, { userId: user.id, purpose, challenge: value, now });
    const rows = await db.verificationCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].codeHash).toBe(hashChallenge(value));
    expect(rows[0].codeHash).not.toContain(value);
    expect(rows[0].purpose).toBe(purpose);
    expect(rows[0].expiresAt.getTime() - now.getTime()).toBe(CHALLENGE_TTL_MS);
  });

  it("works once, even when submitted several times at the same moment", async () => {
    const user = await newUser();
    const value = challenge();
    await storePasskeyChallenge(db, { userId: user.id, purpose, challenge: value });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => consumePasskeyChallenge(db, { userId: user.id, purpose, challenge: value })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await consumePasskeyChallenge(db, { userId: user.id, purpose, challenge: value })).toBe(false);
  });

  it("is refused once expired", async () => {
    const user = await newUser();
    const value = challenge();
    const now = new Date("2026-03-01T10:00:00Z");
    await storePasskeyChallenge(db, { userId: user.id, purpose, challenge: value, now });
    const later = new Date(now.getTime() + CHALLENGE_TTL_MS + 1);
    expect(await consumePasskeyChallenge(db, { userId: user.id, purpose, challenge: value, now: later })).toBe(false);
  });

  it("belongs to one user and one purpose", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const value = challenge();
    await storePasskeyChallenge(db, { userId: owner.id, purpose, challenge: value });
    expect(await consumePasskeyChallenge(db, { userId: other.id, purpose, challenge: value })).toBe(false);
    expect(await consumePasskeyChallenge(db, { userId: owner.id, purpose: "WEBAUTHN_REGISTRATION", challenge: value })).toBe(false);
    expect(await consumePasskeyChallenge(db, { userId: owner.id, purpose, challenge: challenge() })).toBe(false);
    expect(await consumePasskeyChallenge(db, { userId: owner.id, purpose, challenge: value })).toBe(true);
  });

  it("stops an earlier challenge when a new one is issued", async () => {
    const user = await newUser();
    const [first, second] = [challenge(), challenge()];
    await storePasskeyChallenge(db, { userId: user.id, purpose, challenge: first });
    await storePasskeyChallenge(db, { userId: user.id, purpose, challenge: second });
    expect(await consumePasskeyChallenge(db, { userId: user.id, purpose, challenge: first })).toBe(false);
    expect(await consumePasskeyChallenge(db, { userId: user.id, purpose, challenge: second })).toBe(true);
  });

  it("limits how many challenges an account may ask for", async () => {
    const user = await newUser();
    for (let i = 0; i < CHALLENGE_LIMIT.limit; i++) await limitChallengeRequests(db, user.id);
    const refused = await limitChallengeRequests(db, user.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("RATE_LIMITED");
  });
});
