import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { checkCode, CODE_POLICY, hashCode, issueCode } from "./one-time-codes";

const hmacKey = randomBytes(32);
const t0 = new Date("2026-03-01T10:00:00Z");
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);
/** A six-digit code that is not `code`. */
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("one-time codes", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `otc-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });

  it("gives six random digits", async () => {
    const user = await newUser();
    const codes = await Promise.all(Array.from({ length: 20 }, () => issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey })));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(15);
  });

  it("stores only a keyed hash bound to the user and purpose, never the code in clear", async () => {
    const user = await newUser();
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", target: "factor-x", hmacKey, now: t0 });
    const rows = await db.verificationCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].codeHash).toBe(hashCode({ userId: user.id, purpose: "LOGIN_OTP", code }, hmacKey));
    // Unkeyed, or for another purpose or person, the same six digits hash differently.
    expect(rows[0].codeHash).not.toBe(hashCode({ userId: user.id, purpose: "LOGIN_OTP", code }, randomBytes(32)));
    expect(rows[0].codeHash).not.toBe(hashCode({ userId: user.id, purpose: "FACTOR_ENROLMENT", code }, hmacKey));
    expect(rows[0].codeHash).not.toBe(hashCode({ userId: randomUUID(), purpose: "LOGIN_OTP", code }, hmacKey));
    expect(rows[0].expiresAt).toEqual(minutes(t0, CODE_POLICY.LOGIN_OTP.ttlMinutes));
  });

  it("accepts the right code once, returns its target, then refuses it", async () => {
    const user = await newUser();
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", target: "factor-1", hmacKey, now: t0 });
    expect(await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code, hmacKey, now: minutes(t0, 1) })).toEqual({
      ok: true,
      target: "factor-1",
    });
    expect(await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code, hmacKey, now: minutes(t0, 1) })).toEqual({
      ok: false,
      reason: "INVALID",
    });
  });

  it("accepts a code typed with spaces around or inside it", async () => {
    const user = await newUser();
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    const typed = ` ${code.slice(0, 3)} ${code.slice(3)}\n`;
    expect((await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code: typed, hmacKey, now: t0 })).ok).toBe(true);
  });

  it("refuses a code for another purpose or another person", async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const code = await issueCode(db, { userId: alice.id, purpose: "FACTOR_ENROLMENT", hmacKey, now: t0 });
    expect((await checkCode(db, { userId: alice.id, purpose: "LOGIN_OTP", code, hmacKey, now: t0 })).ok).toBe(false);
    expect((await checkCode(db, { userId: bob.id, purpose: "FACTOR_ENROLMENT", code, hmacKey, now: t0 })).ok).toBe(false);
    expect((await checkCode(db, { userId: alice.id, purpose: "FACTOR_ENROLMENT", code, hmacKey, now: t0 })).ok).toBe(true);
  });

  it("expires: valid until its lifetime ends, refused from then on", async () => {
    const user = await newUser();
    const ttl = CODE_POLICY.LOGIN_OTP.ttlMinutes;
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    expect(await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code, hmacKey, now: minutes(t0, ttl) })).toEqual({
      ok: false,
      reason: "EXPIRED",
    });

    const fresh = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    expect((await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code: fresh, hmacKey, now: minutes(t0, ttl - 0.01) })).ok).toBe(
      true,
    );
  });

  it("dies after five wrong tries, even for the right code afterwards", async () => {
    const user = await newUser();
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    const max = CODE_POLICY.LOGIN_OTP.maxAttempts;
    const reasons = [];
    for (let i = 0; i < max; i++)
      reasons.push(await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code: other(code), hmacKey, now: t0 }));
    expect(reasons.slice(0, max - 1)).toEqual(Array(max - 1).fill({ ok: false, reason: "INVALID" }));
    expect(reasons[max - 1]).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
    expect(await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code, hmacKey, now: t0 })).toEqual({
      ok: false,
      reason: "TOO_MANY_ATTEMPTS",
    });
    const row = await db.verificationCode.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.attempts).toBe(max);
    expect(row.consumedAt).toBeNull();
  });

  it("counts every one of many wrong guesses sent at once", async () => {
    const user = await newUser();
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const results = await Promise.all(
      guesses.map((guess) => checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code: guess, hmacKey, now: t0 })),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await db.verificationCode.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.attempts).toBe(CODE_POLICY.LOGIN_OTP.maxAttempts);
    expect((await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code, hmacKey, now: t0 })).ok).toBe(false);
  });

  it("is consumed once when the right code is submitted many times at the same moment", async () => {
    const user = await newUser();
    const code = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code, hmacKey, now: t0 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("only the latest code of a purpose works: sending a new one kills the earlier ones", async () => {
    const user = await newUser();
    const first = await issueCode(db, { userId: user.id, purpose: "LOGIN_OTP", hmacKey, now: t0 });
    const second = await issueCode(db, {
      userId: user.id,
      purpose: "LOGIN_OTP",
      hmacKey,
      now: minutes(t0, 1),
      code: first === "111111" ? "222222" : "111111",
    });
    // Another purpose's code is left alone.
    const enrolment = await issueCode(db, { userId: user.id, purpose: "FACTOR_ENROLMENT", hmacKey, now: minutes(t0, 2) });
    expect((await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code: first, hmacKey, now: minutes(t0, 2) })).ok).toBe(false);
    expect((await checkCode(db, { userId: user.id, purpose: "LOGIN_OTP", code: second, hmacKey, now: minutes(t0, 2) })).ok).toBe(true);
    expect((await checkCode(db, { userId: user.id, purpose: "FACTOR_ENROLMENT", code: enrolment, hmacKey, now: minutes(t0, 2) })).ok).toBe(
      true,
    );
  });
});
