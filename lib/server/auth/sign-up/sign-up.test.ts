import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withNirKey } from "@/lib/identifiers/nir";
import { signUpInput } from "@/lib/schemas/sign-up";
import { AppError } from "@/lib/server/errors";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { issueCode } from "../codes/one-time-codes";
import { confirmEmail } from "./confirm-email";
import { signUp } from "./sign-up";

describe("signing up", () => {
  const db = useTestDb();
  // A fresh address each time: the per-address sign-up limit is not what these tests are about.
  const ctx = () => testCtx(db, { ip: `192.0.2.${Math.floor(Math.random() * 250) + 1}` });
  const input = (email: string, password = "une phrase de passe assez longue") =>
    signUpInput.parse({ firstName: "Zoé", lastName: "Lambert", birthDate: "1990-01-02", email, password, nir: "" });

  it("creates an account waiting for its e-mail code, with the code in the outbox and not in clear in the table", async () => {
    const email = `su-${randomUUID()}@test.local`;
    await signUp(ctx(), { input: input(email), locale: "fr" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, status: true } });
    expect(user.status).toBe("PENDING_VERIFICATION");
    const [mail] = await db.outboundMessage.findMany({ where: { recipient: email } });
    const code = mail.body.match(/\b\d{6}\b/)![0];
    const stored = await db.verificationCode.findFirstOrThrow({ where: { userId: user.id, purpose: "EMAIL_VERIFICATION" } });
    expect(stored.codeHash).not.toContain(code);
    await confirmEmail(ctx(), { email, code });
    expect((await db.user.findUniqueOrThrow({ where: { email }, select: { status: true } })).status).toBe("ACTIVE");
  });

  it("answers the same for a taken address, creates nothing, and tells the owner", async () => {
    const email = `su-${randomUUID()}@test.local`;
    await signUp(ctx(), { input: input(email), locale: "fr" });
    const before = await db.user.count();
    await expect(signUp(ctx(), { input: input(email), locale: "fr" })).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(before);
    const mails = await db.outboundMessage.findMany({ where: { recipient: email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual(["Votre code de confirmation", "Tentative de création d'un espace avec votre adresse"]);
  });

  it("answers, creates the account and mails exactly as for a fresh NIR, whether the NIR is declared or qualified elsewhere (no oracle)", async () => {
    const nir = withNirKey(`2900175${String(100000 + Math.floor(Math.random() * 899999))}`);
    const withNir = (email: string) =>
      signUpInput.parse({
        firstName: "Zoé",
        lastName: "Lambert",
        birthDate: "1990-01-02",
        email,
        password: "une phrase de passe assez longue",
        nir,
      });
    const mailOf = async (email: string) => {
      const mails = await db.outboundMessage.findMany({ where: { recipient: email }, select: { subject: true, body: true } });
      // The code differs from one mail to the next; everything else must not.
      return mails.map((mail) => ({ subject: mail.subject, body: mail.body.replace(/\b\d{6}\b/, "<code>") }));
    };
    const outcome = async (email: string) => ({
      answer: await signUp(ctx(), { input: withNir(email), locale: "fr" }),
      account: await db.user.findUnique({ where: { email }, select: { status: true, declaredNir: true } }),
      mails: await mailOf(email),
    });

    const fresh = await outcome(`su-${randomUUID()}@test.local`);
    expect(fresh).toMatchObject({ answer: undefined, account: { status: "PENDING_VERIFICATION", declaredNir: nir } });
    expect(fresh.mails).toHaveLength(1);
    // The same NIR declared by someone else already: the same answer, an account, the same mail.
    expect(await outcome(`su-${randomUUID()}@test.local`)).toEqual(fresh);
    // And once that NIR is qualified on the first space: still the same.
    const first = await db.user.findFirstOrThrow({ where: { declaredNir: nir }, orderBy: { createdAt: "asc" }, select: { id: true } });
    await db.identityQualification.create({
      data: { userId: first.id, nir, method: "IN_PERSON", documentType: "PASSPORT", qualifiedByLabel: "Dr Test" },
    });
    expect(await outcome(`su-${randomUUID()}@test.local`)).toEqual(fresh);
    expect(await db.user.count({ where: { declaredNir: nir } })).toBe(3);
  });

  it("refuses a common password and says why", async () => {
    const error = await signUp(ctx(), {
      input: input(`su-${randomUUID()}@test.local`, "123456789012"),
      locale: "fr",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messageKey).toMatch(/^auth\.passwordProblems\./);
    expect((error as AppError).field).toBe("password");
  });

  it("refuses an expired confirmation code with the same answer as a wrong one", async () => {
    const email = `su-${randomUUID()}@test.local`;
    await signUp(ctx(), { input: input(email), locale: "fr" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const code = await issueCode(db, { userId: user.id, purpose: "EMAIL_VERIFICATION", now: new Date(Date.now() - 31 * 60_000) });
    const expired = await confirmEmail(ctx(), { email, code }).catch((e: unknown) => e as AppError);
    const unknown = await confirmEmail(ctx(), { email: `x-${randomUUID()}@test.local`, code }).catch((e: unknown) => e as AppError);
    expect(expired).toBeInstanceOf(AppError);
    expect([expired?.code, expired?.messageKey]).toEqual([unknown?.code, unknown?.messageKey]);
  });
});
