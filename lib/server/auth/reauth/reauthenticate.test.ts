import { randomUUID } from "node:crypto";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { testAccountCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { sendLoginCode } from "../codes/send-login-code";
import { hashPassword } from "../password-hash";
import { isRecentlyAuthenticated } from "./is-recently-authenticated";
import { reauthenticate } from "./reauthenticate";
import { generateRecoveryCodes } from "../recovery-codes";
import { completeSecondFactor, startPasswordSession } from "../sessions/create-session";
import { enrolTotpWithSecret } from "../totp/enrol-totp-with-secret";

const PASSWORD = "phrase de passe pour confirmer";
const codeAt = (secret: string, date: Date) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: date.getTime(),
  });

describe("re-authentication", () => {
  const db = useTestDb();
  const as = (userId: string, options: { now?: () => Date; ip?: string | null } = {}) =>
    testAccountCtx(db, userId, { ip: "192.0.2.44", userAgent: "Vitest", ...options });

  /** A signed-in account whose sign-in happened an hour ago, with an authenticator app and recovery codes. */
  async function signedIn() {
    const user = await db.user.create({
      data: {
        email: `reauth-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Roux",
        status: "ACTIVE",
        passwordHash: await hashPassword(PASSWORD),
      },
      select: { id: true },
    });
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await enrolTotpWithSecret(db, { userId: user.id, secretBase32: secret });
    const codes = await generateRecoveryCodes(db, { userId: user.id });
    const anHourAgo = new Date(Date.now() - 60 * 60_000);
    const half = await startPasswordSession(db, { userId: user.id, now: anHourAgo });
    const session = (await completeSecondFactor(db, { halfToken: half.token, now: anHourAgo }))!;
    const other = (await completeSecondFactor(db, {
      halfToken: (await startPasswordSession(db, { userId: user.id, now: anHourAgo })).token,
      now: anHourAgo,
    }))!;
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date() } });
    return { userId: user.id, secret, codes, sessionId: session.sessionId, otherSessionId: other.sessionId };
  }

  const authenticatedAt = async (id: string) => (await db.session.findUniqueOrThrow({ where: { id } })).authenticatedAt;

  it("makes this session's sign-in recent with the password and an authenticator code", async () => {
    const account = await signedIn();
    const now = new Date();
    expect(isRecentlyAuthenticated({ authenticatedAt: await authenticatedAt(account.sessionId) }, { now })).toBe(false);
    await reauthenticate(as(account.userId, { now: () => now }), {
      sessionId: account.sessionId,
      password: PASSWORD,
      method: "totp",
      code: codeAt(account.secret, now),
    });
    expect(await authenticatedAt(account.sessionId)).toEqual(now);
    expect(isRecentlyAuthenticated({ authenticatedAt: now }, { now: new Date(now.getTime() + 9 * 60_000) })).toBe(true);
    expect(isRecentlyAuthenticated({ authenticatedAt: now }, { now: new Date(now.getTime() + 11 * 60_000) })).toBe(false);
    // Only this session: the other device still needs its own confirmation.
    expect((await authenticatedAt(account.otherSessionId)).getTime()).toBeLessThan(now.getTime() - 59 * 60_000);
    expect(await db.securityEvent.count({ where: { userId: account.userId, kind: "REAUTHENTICATED" } })).toBe(1);
  });

  it("accepts a recovery code once", async () => {
    const account = await signedIn();
    await reauthenticate(as(account.userId), {
      sessionId: account.sessionId,
      password: PASSWORD,
      method: "recovery",
      code: account.codes[0],
    });
    expect(await db.securityEvent.count({ where: { userId: account.userId, kind: "RECOVERY_CODE_USED" } })).toBe(1);
    await expect(
      reauthenticate(as(account.userId), {
        sessionId: account.sessionId,
        password: PASSWORD,
        method: "recovery",
        code: account.codes[0],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "security.reauth.invalid",
    });
  });

  it("counts failures towards the lockout and changes nothing; a wrong password spends no recovery code", async () => {
    const account = await signedIn();
    const before = await authenticatedAt(account.sessionId);
    await expect(
      reauthenticate(as(account.userId), {
        sessionId: account.sessionId,
        password: "pas le bon mot de passe",
        method: "recovery",
        code: account.codes[1],
      }),
    ).rejects.toMatchObject({
      messageKey: "security.reauth.invalid",
    });
    await expect(
      reauthenticate(as(account.userId), {
        sessionId: account.sessionId,
        password: PASSWORD,
        method: "totp",
        code: "000000",
      }),
    ).rejects.toMatchObject({ messageKey: "security.reauth.invalid" });
    expect(await authenticatedAt(account.sessionId)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).consecutiveFailures).toBe(2);
    expect(await db.recoveryCode.count({ where: { userId: account.userId, usedAt: { not: null } } })).toBe(0);
    const kinds = (await db.securityEvent.findMany({ where: { userId: account.userId }, select: { kind: true } }))
      .map((e) => e.kind)
      .sort();
    expect(kinds).toEqual(["LOGIN_PASSWORD_FAILED", "LOGIN_SECOND_FACTOR_FAILED"]);
  });

  it("locks the account after repeated failures, and then refuses even the right proof", async () => {
    const account = await signedIn();
    const attempt = (password: string, code: string) =>
      reauthenticate(as(account.userId, { ip: null }), {
        sessionId: account.sessionId,
        password,
        method: "recovery",
        code,
      });
    for (let i = 0; i < 4; i++)
      await expect(attempt("mauvais mot de passe", "x")).rejects.toMatchObject({ messageKey: "security.reauth.invalid" });
    await expect(attempt("mauvais mot de passe", "x")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "security.reauth.locked",
    });
    await expect(attempt(PASSWORD, account.codes[2])).rejects.toMatchObject({ messageKey: "security.reauth.locked" });
    expect(await db.recoveryCode.count({ where: { userId: account.userId, usedAt: { not: null } } })).toBe(0);
  });

  it("resets the failure count after success", async () => {
    const account = await signedIn();
    await expect(
      reauthenticate(as(account.userId), {
        sessionId: account.sessionId,
        password: "faux",
        method: "totp",
        code: "123456",
      }),
    ).rejects.toBeDefined();
    await reauthenticate(as(account.userId), {
      sessionId: account.sessionId,
      password: PASSWORD,
      method: "recovery",
      code: account.codes[3],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).consecutiveFailures).toBe(0);
  });

  it("accepts a code sent by e-mail through one of the account's code factors", async () => {
    const account = await signedIn();
    const user = await db.user.findUniqueOrThrow({ where: { id: account.userId }, select: { email: true } });
    const factor = await db.authFactor.create({
      data: { userId: account.userId, kind: "EMAIL_OTP", confirmedAt: new Date() },
      select: { id: true },
    });
    await sendLoginCode(as(account.userId), { userId: account.userId, factorId: factor.id, deliver: () => {} });
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: user.email }, orderBy: { createdAt: "desc" } });
    const code = mail.body.match(/\b(\d{6})\b/)![1];
    const now = new Date();
    await reauthenticate(as(account.userId, { now: () => now }), {
      sessionId: account.sessionId,
      password: PASSWORD,
      method: "otp",
      code,
    });
    expect(await authenticatedAt(account.sessionId)).toEqual(now);
    // Single use, like every sign-in code.
    await expect(
      reauthenticate(as(account.userId), { sessionId: account.sessionId, password: PASSWORD, method: "otp", code }),
    ).rejects.toMatchObject({ messageKey: "security.reauth.invalid" });
  });

  it("cannot touch another person's session", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    await expect(
      reauthenticate(as(alice.userId), {
        sessionId: bob.sessionId,
        password: PASSWORD,
        method: "recovery",
        code: alice.codes[0],
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await authenticatedAt(bob.sessionId)).getTime()).toBeLessThan(Date.now() - 59 * 60_000);
  });
});
