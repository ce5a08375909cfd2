import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { testAccountCtx, testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { checkLoginCode } from "./check-login-code";
import { confirmAdditionalCodeFactor } from "./confirm-additional-code-factor";
import { confirmCodeFactor } from "./confirm-code-factor";
import { listCodeFactors } from "./list-code-factors";
import { sendLoginCode } from "./send-login-code";
import { startCodeFactorEnrolment } from "./start-code-factor-enrolment";

const hmacKey = randomBytes(32);

describe("e-mail and SMS second factors", () => {
  const db = useTestDb();
  const delivered: string[] = [];
  const deliver = (id: string) => void delivered.push(id);
  // A fresh address per test: the per-IP limits must not leak from one test into the next.
  const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
  const as = (userId: string) => testAccountCtx(db, userId, { ip: ip(), userAgent: "Vitest" });
  // Between the two steps of signing in: the action checks the half session and names the account.
  const halfSignedIn = () => testCtx(db, { ip: ip(), userAgent: "Vitest" });

  const newUser = () =>
    db.user.create({
      data: {
        email: `cf-${randomUUID().slice(0, 8)}@test.local`,
        firstName: "Léa",
        lastName: "Roux",
        status: "ACTIVE",
        emailVerifiedAt: new Date(),
      },
      select: { id: true, email: true },
    });

  /** The code in the message queued with that id: what the person would read. */
  async function codeInMessage(messageId: string) {
    const message = await db.outboundMessage.findUniqueOrThrow({ where: { id: messageId } });
    return { message, code: message.body.match(/\b(\d{6})\b/)![1] };
  }

  async function enrol(userId: string, channel: "EMAIL" | "SMS" = "EMAIL", phone?: string) {
    const enrolment = await startCodeFactorEnrolment(as(userId), { channel, phone, hmacKey, deliver });
    const { code, message } = await codeInMessage(delivered.at(-1)!);
    return { ...enrolment, code, message };
  }

  async function enrolled(channel: "EMAIL" | "SMS" = "EMAIL", phone?: string) {
    const user = await newUser();
    const enrolment = await enrol(user.id, channel, phone);
    expect(await confirmCodeFactor(db, { userId: user.id, factorId: enrolment.factorId, code: enrolment.code, hmacKey })).toBe(true);
    return { user, factorId: enrolment.factorId };
  }

  describe("enrolment", () => {
    it("mails a code to the account's address for an unconfirmed factor, which the code confirms", async () => {
      const user = await newUser();
      const enrolment = await enrol(user.id);
      expect(enrolment.kind).toBe("EMAIL_OTP");
      expect(enrolment.maskedDestination).toBe(`c•••@test.local`);
      expect(enrolment.message).toMatchObject({
        channel: "EMAIL",
        recipient: user.email,
        subject: "Confirmez votre nouveau moyen de connexion",
      });
      expect(await db.authFactor.findUniqueOrThrow({ where: { id: enrolment.factorId } })).toMatchObject({
        kind: "EMAIL_OTP",
        confirmedAt: null,
      });
      expect((await listCodeFactors(db, { userId: user.id })).factors).toEqual([]);

      expect(await confirmCodeFactor(db, { userId: user.id, factorId: enrolment.factorId, code: enrolment.code, hmacKey })).toBe(true);
      expect((await db.authFactor.findUniqueOrThrow({ where: { id: enrolment.factorId } })).confirmedAt).not.toBeNull();
      expect((await listCodeFactors(db, { userId: user.id })).factors).toMatchObject([
        { id: enrolment.factorId, kind: "EMAIL_OTP", destination: user.email },
      ]);
      // Confirmed once: the same code cannot confirm it again.
      expect(await confirmCodeFactor(db, { userId: user.id, factorId: enrolment.factorId, code: enrolment.code, hmacKey })).toBe(false);
    });

    it("texts a code to a French mobile typed in any usual way, stored in E.164", async () => {
      for (const typed of ["06 12 34 56 78", "+33 6 12 34 56 78", "0033 (0)6.12.34.56.78"]) {
        const user = await newUser();
        const enrolment = await enrol(user.id, "SMS", typed);
        expect(enrolment.maskedDestination).toBe("•• •• •• •• 78");
        expect(enrolment.message).toMatchObject({ channel: "SMS", recipient: "+33612345678", subject: null });
        expect(enrolment.message.body).toMatch(/^Espace santé : code de confirmation \d{6} \(valable 10 min\)\.\n\n@[^ ]+ #\d{6}$/);
        expect(await db.authFactor.findUniqueOrThrow({ where: { id: enrolment.factorId } })).toMatchObject({
          kind: "SMS_OTP",
          phone: "+33612345678",
        });
      }
    });

    it("refuses a number that is not a mobile, before sending anything", async () => {
      const user = await newUser();
      const before = delivered.length;
      for (const typed of ["01 23 45 67 89", "06 12 34", "pas un numéro", ""]) {
        await expect(startCodeFactorEnrolment(as(user.id), { channel: "SMS", phone: typed, hmacKey, deliver })).rejects.toMatchObject({
          code: "BAD_REQUEST",
          messageKey: "codes.enrol.phoneInvalid",
          field: "phone",
        });
      }
      expect(delivered.length).toBe(before);
      expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
    });

    it("offers no SMS factor when no SMS would reach a phone (production without a provider)", async () => {
      const user = await newUser();
      await expect(
        startCodeFactorEnrolment(as(user.id), {
          channel: "SMS",
          phone: "0612345678",
          hmacKey,
          deliver,
          smsAvailable: false,
        }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        messageKey: "codes.enrol.smsUnavailable",
      });
      expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
    });

    it("replaces an abandoned enrolment of the same kind: the earlier factor and its code are gone", async () => {
      const user = await newUser();
      const first = await enrol(user.id, "SMS", "0612345678");
      const second = await enrol(user.id, "SMS", "0698765432");
      expect(await db.authFactor.findUnique({ where: { id: first.factorId } })).toBeNull();
      const live = await db.verificationCode.findMany({ where: { userId: user.id, purpose: "FACTOR_ENROLMENT", consumedAt: null } });
      expect(live.map((row) => row.target)).toEqual([second.factorId]);
      expect(await confirmCodeFactor(db, { userId: user.id, factorId: second.factorId, code: second.code, hmacKey })).toBe(true);
    });

    it("confirms only the factor the code was sent for, and only the person's own", async () => {
      const user = await newUser();
      const email = await enrol(user.id, "EMAIL");
      const sms = await enrol(user.id, "SMS", "0712345678");
      // The SMS code is the live one, but it was sent for the SMS factor.
      expect(await confirmCodeFactor(db, { userId: user.id, factorId: email.factorId, code: sms.code, hmacKey })).toBe(false);

      const intruder = await newUser();
      const theirs = await enrol(user.id, "SMS", "0712345678");
      expect(await confirmCodeFactor(db, { userId: intruder.id, factorId: theirs.factorId, code: theirs.code, hmacKey })).toBe(false);
      expect(await confirmCodeFactor(db, { userId: user.id, factorId: theirs.factorId, code: theirs.code, hmacKey })).toBe(true);
    });

    it("refuses to enrol the account address twice, or the same phone twice", async () => {
      const { user } = await enrolled("EMAIL");
      await expect(startCodeFactorEnrolment(as(user.id), { channel: "EMAIL", hmacKey, deliver })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      const sms = await enrol(user.id, "SMS", "0612345678");
      expect(await confirmCodeFactor(db, { userId: user.id, factorId: sms.factorId, code: sms.code, hmacKey })).toBe(true);
      await expect(
        startCodeFactorEnrolment(as(user.id), { channel: "SMS", phone: "+33612345678", hmacKey, deliver }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "codes.enrol.phoneAlreadyEnrolled",
      });
    });

    it("stops sending after five codes in a quarter of an hour, and says so", async () => {
      const user = await newUser();
      for (let i = 0; i < 5; i++) await startCodeFactorEnrolment(as(user.id), { channel: "EMAIL", hmacKey, deliver });
      const error = await startCodeFactorEnrolment(as(user.id), { channel: "EMAIL", hmacKey, deliver }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "RATE_LIMITED" });
    });

    it("records the addition of a further factor and mails the owner, in one go", async () => {
      const { user } = await enrolled("EMAIL");
      const sms = await enrol(user.id, "SMS", "0612345678");
      await expect(
        confirmAdditionalCodeFactor(as(user.id), {
          factorId: sms.factorId,
          code: "000000" === sms.code ? "000001" : "000000",
          hmacKey,
          deliver,
        }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        field: "code",
      });
      expect(await db.securityEvent.count({ where: { userId: user.id, kind: "FACTOR_ENROLLED" } })).toBe(0);

      await confirmAdditionalCodeFactor(as(user.id), {
        factorId: sms.factorId,
        code: sms.code,
        hmacKey,
        deliver,
      });
      expect(await db.securityEvent.count({ where: { userId: user.id, kind: "FACTOR_ENROLLED" } })).toBe(1);
      const mail = await db.outboundMessage.findUniqueOrThrow({ where: { id: delivered.at(-1)! } });
      expect(mail).toMatchObject({ channel: "EMAIL", recipient: user.email, subject: "Vos moyens de connexion ont changé" });
      expect((await listCodeFactors(db, { userId: user.id })).factors.map((f) => f.kind)).toEqual(["EMAIL_OTP", "SMS_OTP"]);
    });
  });

  describe("signing in with a code", () => {
    it("sends a code through the chosen factor; the code works once and marks the factor as used", async () => {
      const { user, factorId } = await enrolled("SMS", "06 12 34 56 78");
      expect(await sendLoginCode(halfSignedIn(), { userId: user.id, factorId, hmacKey, deliver })).toEqual({ sent: true });
      const { code, message } = await codeInMessage(delivered.at(-1)!);
      expect(message).toMatchObject({ channel: "SMS", recipient: "+33612345678" });
      expect(message.body).toContain("code de connexion");

      const before = await db.authFactor.findUniqueOrThrow({ where: { id: factorId } });
      const at = new Date(Date.now() + 1000);
      expect(await checkLoginCode(db, { userId: user.id, code, hmacKey, now: at })).toBe(true);
      expect((await db.authFactor.findUniqueOrThrow({ where: { id: factorId } })).lastUsedAt).toEqual(at);
      expect(before.lastUsedAt).not.toEqual(at);
      expect(await checkLoginCode(db, { userId: user.id, code, hmacKey })).toBe(false);
    });

    it("uses the factor used last when none is named, and mails to the account address", async () => {
      const { user } = await enrolled("EMAIL");
      await sendLoginCode(halfSignedIn(), { userId: user.id, hmacKey, deliver });
      const { message, code } = await codeInMessage(delivered.at(-1)!);
      expect(message).toMatchObject({ channel: "EMAIL", recipient: user.email, subject: "Votre code de connexion" });
      expect(message.body).toContain(code);
    });

    it("accepts a code from two concurrent sign-ins only once", async () => {
      const { user } = await enrolled("EMAIL");
      await sendLoginCode(halfSignedIn(), { userId: user.id, hmacKey, deliver });
      const { code } = await codeInMessage(delivered.at(-1)!);
      const results = await Promise.all([1, 2, 3].map(() => checkLoginCode(db, { userId: user.id, code, hmacKey })));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("refuses a code once its factor is removed, and an enrolment code used as a login code", async () => {
      const { user, factorId } = await enrolled("EMAIL");
      await sendLoginCode(halfSignedIn(), { userId: user.id, factorId, hmacKey, deliver });
      const { code } = await codeInMessage(delivered.at(-1)!);
      await db.authFactor.delete({ where: { id: factorId } });
      expect(await checkLoginCode(db, { userId: user.id, code, hmacKey })).toBe(false);

      const other = await newUser();
      const enrolment = await enrol(other.id);
      expect(await checkLoginCode(db, { userId: other.id, code: enrolment.code, hmacKey })).toBe(false);
    });

    it("will not send through an unconfirmed factor or someone else's", async () => {
      const user = await newUser();
      const pending = await enrol(user.id);
      await expect(sendLoginCode(halfSignedIn(), { userId: user.id, factorId: pending.factorId, hmacKey, deliver })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const { factorId } = await enrolled("EMAIL");
      await expect(sendLoginCode(halfSignedIn(), { userId: user.id, factorId, hmacKey, deliver })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    it("quietly sends nothing beyond the limit, or while the account is locked", async () => {
      const { user } = await enrolled("EMAIL");
      // The enrolment itself used one send of the five.
      for (let i = 0; i < 4; i++)
        expect(await sendLoginCode(halfSignedIn(), { userId: user.id, hmacKey, deliver })).toEqual({ sent: true });
      const count = delivered.length;
      expect(await sendLoginCode(halfSignedIn(), { userId: user.id, hmacKey, deliver })).toEqual({ sent: false });
      expect(delivered.length).toBe(count);

      const locked = await enrolled("EMAIL");
      await db.user.update({ where: { id: locked.user.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
      expect(await sendLoginCode(halfSignedIn(), { userId: locked.user.id, hmacKey, deliver })).toEqual({ sent: false });
    });
  });
});
