import { randomBytes, randomUUID } from "node:crypto";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/server/crypto/encryption";
import { useTestDb } from "@/lib/testing/test-db";
import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { enrolTotpWithSecret } from "./enrol-totp-with-secret";
import { startTotpEnrolment } from "./start-totp-enrolment";
import { verifyTotp } from "./verify-totp";

const masterKey = randomBytes(32);
// 10 s into a 30-second step, so ±1 step is unambiguous.
const t0 = new Date("2026-03-01T10:00:10Z");
const steps = (date: Date, n: number) => new Date(date.getTime() + n * 30_000);
const stepOf = (date: Date) => Math.floor(date.getTime() / 30_000);

/** What the person's authenticator app would show at that moment. */
function codeAt(secretBase32: string, date: Date): string {
  return new OTPAuth.TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) }).generate({
    timestamp: date.getTime(),
  });
}

/** A code that is not the right one at `date` nor at the steps either side. */
function wrongCodeAt(secretBase32: string, date: Date): string {
  const near = new Set([-1, 0, 1].map((n) => codeAt(secretBase32, steps(date, n))));
  for (let i = 0; ; i++) {
    const candidate = String(i).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}

describe("TOTP second factor", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `totp-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true, email: true },
    });

  /** A user with one confirmed authenticator app, confirmed at t0 with t0's code. */
  async function enrolled(at = t0) {
    const user = await newUser();
    const enrolment = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
    expect(
      await confirmTotpEnrolment(db, {
        userId: user.id,
        factorId: enrolment.factorId,
        code: codeAt(enrolment.secretBase32, at),
        now: at,
        masterKey,
      }),
    ).toBe(true);
    return { userId: user.id, secret: enrolment.secretBase32, factorId: enrolment.factorId };
  }

  describe("enrolment", () => {
    it("gives the app what it needs and keeps the factor unconfirmed", async () => {
      const user = await newUser();
      const enrolment = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
      expect(OTPAuth.Secret.fromBase32(enrolment.secretBase32).bytes).toHaveLength(20);
      const uri = OTPAuth.URI.parse(enrolment.otpauthUri) as OTPAuth.TOTP;
      expect(uri).toBeInstanceOf(OTPAuth.TOTP);
      expect(uri.secret.base32).toBe(enrolment.secretBase32);
      expect([uri.issuer, uri.label, uri.algorithm, uri.digits, uri.period]).toEqual(["Espace santé", user.email, "SHA1", 6, 30]);
      expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      const factor = await db.authFactor.findUniqueOrThrow({ where: { id: enrolment.factorId } });
      expect(factor).toMatchObject({ userId: user.id, kind: "TOTP", confirmedAt: null, lastUsedStep: null });
    });

    it("stores the secret encrypted, never in clear", async () => {
      const user = await newUser();
      const enrolment = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
      const stored = Buffer.from((await db.authFactor.findUniqueOrThrow({ where: { id: enrolment.factorId } })).secretEncrypted!);
      const secret = Buffer.from(OTPAuth.Secret.fromBase32(enrolment.secretBase32).bytes);
      expect(stored.length).toBe(1 + 12 + 20 + 16);
      expect(stored.includes(secret)).toBe(false);
      expect(stored.includes(Buffer.from(enrolment.secretBase32))).toBe(false);
      expect(stored.includes(secret.subarray(0, 8))).toBe(false);
    });

    it("is not confirmed by a wrong code, and is by the right one", async () => {
      const user = await newUser();
      const { factorId, secretBase32 } = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
      expect(await confirmTotpEnrolment(db, { userId: user.id, factorId, code: wrongCodeAt(secretBase32, t0), now: t0, masterKey })).toBe(
        false,
      );
      expect(await confirmTotpEnrolment(db, { userId: user.id, factorId, code: "abcdef", now: t0, masterKey })).toBe(false);
      expect((await db.authFactor.findUniqueOrThrow({ where: { id: factorId } })).confirmedAt).toBeNull();

      expect(await confirmTotpEnrolment(db, { userId: user.id, factorId, code: codeAt(secretBase32, t0), now: t0, masterKey })).toBe(true);
      const factor = await db.authFactor.findUniqueOrThrow({ where: { id: factorId } });
      expect(factor.confirmedAt).toEqual(t0);
      expect(factor.lastUsedStep).toBe(stepOf(t0));
      // Already confirmed: a second confirmation does nothing.
      expect(
        await confirmTotpEnrolment(db, {
          userId: user.id,
          factorId,
          code: codeAt(secretBase32, steps(t0, 1)),
          now: steps(t0, 1),
          masterKey,
        }),
      ).toBe(false);
    });

    it("does not let the confirming code be replayed at sign-in", async () => {
      const { userId, secret } = await enrolled(t0);
      expect(await verifyTotp(db, { userId, code: codeAt(secret, t0), now: t0, masterKey })).toBe(false);
      expect(await verifyTotp(db, { userId, code: codeAt(secret, steps(t0, 1)), now: steps(t0, 1), masterKey })).toBe(true);
    });

    it("cannot confirm another person's enrolment", async () => {
      const owner = await newUser();
      const other = await newUser();
      const { factorId, secretBase32 } = await startTotpEnrolment(db, { userId: owner.id, accountLabel: owner.email, masterKey });
      expect(await confirmTotpEnrolment(db, { userId: other.id, factorId, code: codeAt(secretBase32, t0), now: t0, masterKey })).toBe(
        false,
      );
      expect((await db.authFactor.findUniqueOrThrow({ where: { id: factorId } })).confirmedAt).toBeNull();
    });

    it("replaces an unfinished enrolment, whose secret can then no longer be confirmed", async () => {
      const user = await newUser();
      const first = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
      const second = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
      expect(second.secretBase32).not.toBe(first.secretBase32);
      expect(await db.authFactor.findUnique({ where: { id: first.factorId } })).toBeNull();
      expect(
        await confirmTotpEnrolment(db, {
          userId: user.id,
          factorId: first.factorId,
          code: codeAt(first.secretBase32, t0),
          now: t0,
          masterKey,
        }),
      ).toBe(false);
      expect(
        await confirmTotpEnrolment(db, {
          userId: user.id,
          factorId: second.factorId,
          code: codeAt(second.secretBase32, t0),
          now: t0,
          masterKey,
        }),
      ).toBe(true);
    });

    it("keeps confirmed factors when a new enrolment starts", async () => {
      const { userId, factorId } = await enrolled();
      await startTotpEnrolment(db, { userId, accountLabel: "x", masterKey });
      expect(await db.authFactor.findUnique({ where: { id: factorId } })).not.toBeNull();
    });

    it("uses the configured master key by default", async () => {
      const user = await newUser();
      const { factorId, secretBase32 } = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email });
      expect(await confirmTotpEnrolment(db, { userId: user.id, factorId, code: codeAt(secretBase32, t0), now: t0 })).toBe(true);
      expect(await verifyTotp(db, { userId: user.id, code: codeAt(secretBase32, steps(t0, 1)), now: steps(t0, 1) })).toBe(true);
    });
  });

  describe("verification at sign-in", () => {
    it("accepts a current code once and refuses its replay", async () => {
      const { userId, secret, factorId } = await enrolled();
      const now = steps(t0, 10);
      const code = codeAt(secret, now);
      expect(await verifyTotp(db, { userId, code, now, masterKey })).toBe(true);
      expect(await verifyTotp(db, { userId, code, now, masterKey })).toBe(false);
      // Still inside the code's window a few seconds later: still refused.
      expect(await verifyTotp(db, { userId, code, now: new Date(now.getTime() + 25_000), masterKey })).toBe(false);
      const factor = await db.authFactor.findUniqueOrThrow({ where: { id: factorId } });
      expect(factor.lastUsedStep).toBe(stepOf(now));
      expect(factor.lastUsedAt).toEqual(now);
    });

    it("accepts one code exactly once when ten requests carry it at the same moment", async () => {
      const { userId, secret } = await enrolled();
      const now = steps(t0, 10);
      const code = codeAt(secret, now);
      const results = await Promise.all(Array.from({ length: 10 }, () => verifyTotp(db, { userId, code, now, masterKey })));
      expect(results.filter((ok) => ok)).toHaveLength(1);
    });

    it("tolerates one step of clock drift, not three", async () => {
      const { userId, secret } = await enrolled();
      const now = steps(t0, 10);
      expect(await verifyTotp(db, { userId, code: codeAt(secret, steps(now, -1)), now, masterKey })).toBe(true);

      const other = await enrolled();
      expect(await verifyTotp(db, { userId: other.userId, code: codeAt(other.secret, steps(now, 1)), now, masterKey })).toBe(true);

      const third = await enrolled();
      expect(await verifyTotp(db, { userId: third.userId, code: codeAt(third.secret, steps(now, -3)), now, masterKey })).toBe(false);
      expect(await verifyTotp(db, { userId: third.userId, code: codeAt(third.secret, steps(now, -2)), now, masterKey })).toBe(false);
      expect(await verifyTotp(db, { userId: third.userId, code: codeAt(third.secret, steps(now, 3)), now, masterKey })).toBe(false);
    });

    it("refuses an older code once a later one was accepted", async () => {
      const { userId, secret } = await enrolled();
      const now = steps(t0, 10);
      expect(await verifyTotp(db, { userId, code: codeAt(secret, now), now, masterKey })).toBe(true);
      // Still within the window, but its step precedes the accepted one.
      expect(await verifyTotp(db, { userId, code: codeAt(secret, steps(now, -1)), now, masterKey })).toBe(false);
      expect(await verifyTotp(db, { userId, code: codeAt(secret, steps(now, 1)), now: steps(now, 1), masterKey })).toBe(true);
    });

    it("accepts a code typed with spaces and refuses anything but digits", async () => {
      const { userId, secret } = await enrolled();
      const now = steps(t0, 10);
      const code = codeAt(secret, now);
      for (const bad of [
        `${code.slice(0, 5)}a`,
        `${code}0`,
        code.slice(0, 5),
        "",
        `${code.slice(0, 3)}-${code.slice(3)}`,
        `+${code.slice(1)}`,
      ]) {
        expect(await verifyTotp(db, { userId, code: bad, now, masterKey }), bad).toBe(false);
      }
      expect(await verifyTotp(db, { userId, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, now, masterKey })).toBe(true);
    });

    it("refuses a code from another person's app", async () => {
      const alice = await enrolled();
      const bob = await enrolled();
      const now = steps(t0, 10);
      expect(await verifyTotp(db, { userId: alice.userId, code: codeAt(bob.secret, now), now, masterKey })).toBe(false);
      expect(await verifyTotp(db, { userId: bob.userId, code: codeAt(bob.secret, now), now, masterKey })).toBe(true);
    });

    it("never uses an unconfirmed factor", async () => {
      const user = await newUser();
      const { secretBase32 } = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email, masterKey });
      expect(await verifyTotp(db, { userId: user.id, code: codeAt(secretBase32, t0), now: t0, masterKey })).toBe(false);
    });

    it("accepts any of several confirmed apps", async () => {
      const { userId, secret } = await enrolled();
      const second = await startTotpEnrolment(db, { userId, accountLabel: "tablet", masterKey });
      expect(
        await confirmTotpEnrolment(db, { userId, factorId: second.factorId, code: codeAt(second.secretBase32, t0), now: t0, masterKey }),
      ).toBe(true);
      const now = steps(t0, 10);
      expect(await verifyTotp(db, { userId, code: codeAt(second.secretBase32, now), now, masterKey })).toBe(true);
      expect(await verifyTotp(db, { userId, code: codeAt(secret, now), now, masterKey })).toBe(true);
    });

    it("refuses a secret copied from another person's factor (the ciphertext is bound to its owner)", async () => {
      const alice = await enrolled();
      const mallory = await enrolled();
      const stolen = (await db.authFactor.findUniqueOrThrow({ where: { id: alice.factorId } })).secretEncrypted!;
      await db.authFactor.update({ where: { id: mallory.factorId }, data: { secretEncrypted: stolen } });
      const now = steps(t0, 10);
      await expect(verifyTotp(db, { userId: mallory.userId, code: codeAt(alice.secret, now), now, masterKey })).rejects.toThrow(
        DecryptionError,
      );
    });
  });

  describe("demo enrolment with a known secret", () => {
    const demoSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    it("creates a confirmed factor that verifies, once", async () => {
      const user = await newUser();
      const first = await enrolTotpWithSecret(db, { userId: user.id, secretBase32: demoSecret, masterKey });
      expect(first.created).toBe(true);
      const factor = await db.authFactor.findUniqueOrThrow({ where: { id: first.factorId } });
      expect(factor.confirmedAt).not.toBeNull();
      expect(Buffer.from(factor.secretEncrypted!).includes(Buffer.from(OTPAuth.Secret.fromBase32(demoSecret).bytes))).toBe(false);
      expect(await verifyTotp(db, { userId: user.id, code: codeAt(demoSecret, t0), now: t0, masterKey })).toBe(true);

      const again = await enrolTotpWithSecret(db, { userId: user.id, secretBase32: demoSecret, masterKey });
      expect(again).toEqual({ factorId: first.factorId, created: false });
      expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(1);
    });

    it("adds a different secret rather than replacing one", async () => {
      const user = await newUser();
      await enrolTotpWithSecret(db, { userId: user.id, secretBase32: demoSecret, masterKey });
      const other = new OTPAuth.Secret().base32;
      expect((await enrolTotpWithSecret(db, { userId: user.id, secretBase32: other, masterKey })).created).toBe(true);
      expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(2);
    });

    it("refuses a secret too short to be safe", async () => {
      const user = await newUser();
      await expect(enrolTotpWithSecret(db, { userId: user.id, secretBase32: "JBSWY3DPEHPK3PXP", masterKey })).rejects.toThrow(
        /at least 16 bytes/,
      );
    });
  });
});
