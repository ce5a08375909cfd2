import { randomUUID } from "node:crypto";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { hashPassword } from "../password-hash";
import { generateRecoveryCodes } from "../recovery-codes";
import { startTotpEnrolment } from "../totp/start-totp-enrolment";
import { enrolTotpWithSecret } from "../totp/enrol-totp-with-secret";
import { validateSession } from "../sessions/validate-session";
import { completeSecondFactorStep } from "./complete-second-factor-step";
import { signInWithPassword } from "./sign-in-with-password";

const PASSWORD = "une phrase de passe de test";
const SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
const totp = (offsetSteps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

describe("signing in", () => {
  const db = useTestDb();
  // Each test has its own address space, so per-IP limits of one test never touch another.
  const ctx = () => testCtx(db, { ip: `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

  async function newAccount({
    status = "ACTIVE",
    withTotp = true,
  }: { status?: "ACTIVE" | "PENDING_VERIFICATION"; withTotp?: boolean } = {}) {
    const user = await db.user.create({
      data: {
        email: `si-${randomUUID()}@test.local`,
        passwordHash: await hashPassword(PASSWORD),
        firstName: "Inès",
        lastName: "Garnier",
        status,
      },
      select: { id: true, email: true },
    });
    if (withTotp) await enrolTotpWithSecret(db, { userId: user.id, secretBase32: SECRET });
    return user;
  }

  it("answers the same for an unknown address and a wrong password, and counts only the real account's failure", async () => {
    const account = await newAccount();
    const known = await signInWithPassword(ctx(), { email: account.email, password: "pas le bon" });
    const unknown = await signInWithPassword(ctx(), {
      email: `inconnu-${randomUUID()}@test.local`,
      password: "pas le bon",
    });
    expect(unknown).toEqual(known);
    expect(known).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).consecutiveFailures).toBe(1);
  });

  it("tells that an account is locked only to whoever typed its password", async () => {
    const account = await newAccount();
    await db.user.update({ where: { id: account.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await signInWithPassword(ctx(), { email: account.email, password: "pas le bon" })).toEqual({
      ok: false,
      error: "INVALID_CREDENTIALS",
    });
    expect(await signInWithPassword(ctx(), { email: account.email, password: PASSWORD })).toEqual({
      ok: false,
      error: "LOCKED",
    });
  });

  it("sends a new confirmation code to an unconfirmed account instead of signing it in", async () => {
    const account = await newAccount({ status: "PENDING_VERIFICATION" });
    expect(await signInWithPassword(ctx(), { email: account.email, password: PASSWORD })).toEqual({
      ok: false,
      error: "EMAIL_NOT_VERIFIED",
    });
    expect(await db.outboundMessage.count({ where: { recipient: account.email } })).toBe(1);
    expect(await db.session.count({ where: { userId: account.id } })).toBe(0);
  });

  it("gives a half session after the password and a full one, under a new token, after the TOTP", async () => {
    const account = await newAccount();
    const first = await signInWithPassword(ctx(), { email: account.email.toUpperCase(), password: PASSWORD });
    if (!first.ok) throw new Error(first.error);
    expect((await validateSession(db, { token: first.token }))?.stage).toBe("PASSWORD_VERIFIED");
    const second = await completeSecondFactorStep(ctx(), {
      halfToken: first.token,
      input: { method: "totp", code: totp() },
    });
    if (!second.ok) throw new Error(second.error);
    expect(second.token).not.toBe(first.token);
    expect((await validateSession(db, { token: second.token }))?.stage).toBe("FULL");
    expect(await validateSession(db, { token: first.token })).toBeNull();
  });

  it("refuses a replayed TOTP code", async () => {
    const account = await newAccount();
    const code = totp(1);
    for (const expected of [true, false]) {
      const first = await signInWithPassword(ctx(), { email: account.email, password: PASSWORD });
      if (!first.ok) throw new Error(first.error);
      const second = await completeSecondFactorStep(ctx(), { halfToken: first.token, input: { method: "totp", code } });
      expect(second.ok).toBe(expected);
    }
  });

  it("lets only one of two concurrent sign-ins use a recovery code", async () => {
    const account = await newAccount();
    const [code] = await generateRecoveryCodes(db, { userId: account.id });
    const halves = await Promise.all(
      [1, 2].map(async () => {
        const result = await signInWithPassword(ctx(), { email: account.email, password: PASSWORD });
        if (!result.ok) throw new Error(result.error);
        return result.token;
      }),
    );
    const results = await Promise.all(
      halves.map((halfToken) => completeSecondFactorStep(ctx(), { halfToken, input: { method: "recovery", code } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "INVALID_CODE" }]);
  });

  it("does not let a half session enrol a new factor when the account already has one", async () => {
    const account = await newAccount();
    const first = await signInWithPassword(ctx(), { email: account.email, password: PASSWORD });
    if (!first.ok) throw new Error(first.error);
    // Someone holding only the password starts an enrolment of their own authenticator…
    const enrolment = await startTotpEnrolment(db, { userId: account.id, accountLabel: account.email });
    const theirCode = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrolment.secretBase32) }).generate();
    const result = await completeSecondFactorStep(ctx(), {
      halfToken: first.token,
      input: { method: "totp-enrolment", factorId: enrolment.factorId, code: theirCode },
    });
    // …and gets nothing.
    expect(result).toEqual({ ok: false, error: "INVALID_CODE" });
    expect((await validateSession(db, { token: first.token }))?.stage).toBe("PASSWORD_VERIFIED");
  });

  it("completes the sign-in of a new account with the enrolment of its first authenticator", async () => {
    const account = await newAccount({ withTotp: false });
    const first = await signInWithPassword(ctx(), { email: account.email, password: PASSWORD });
    if (!first.ok) throw new Error(first.error);
    const enrolment = await startTotpEnrolment(db, { userId: account.id, accountLabel: account.email });
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrolment.secretBase32) }).generate();
    const result = await completeSecondFactorStep(ctx(), {
      halfToken: first.token,
      input: { method: "totp-enrolment", factorId: enrolment.factorId, code },
    });
    expect(result.ok).toBe(true);
    expect(await db.authFactor.count({ where: { userId: account.id, confirmedAt: { not: null } } })).toBe(1);
  });

  it("locks the account after five wrong codes and then refuses even the right one", async () => {
    const account = await newAccount();
    const first = await signInWithPassword(ctx(), { email: account.email, password: PASSWORD });
    if (!first.ok) throw new Error(first.error);
    const attempt = (code: string) => completeSecondFactorStep(ctx(), { halfToken: first.token, input: { method: "totp", code } });
    for (let i = 0; i < 4; i++) expect(await attempt("000000")).toEqual({ ok: false, error: "INVALID_CODE" });
    expect(await attempt("000000")).toEqual({ ok: false, error: "LOCKED" });
    expect(await attempt(totp())).toEqual({ ok: false, error: "LOCKED" });
  });
});
