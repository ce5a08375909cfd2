import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUpInput } from "@/lib/schemas/sign-up";
import { AppError } from "@/lib/server/errors";
import { useTestDb } from "@/lib/testing/test-db";
import { issueCode } from "../codes/one-time-codes";
import { confirmEmail } from "./confirm-email";
import { signUp } from "./sign-up";

describe("signing up", () => {
  const db = useTestDb();
  const context = () => ({ ipAddress: `192.0.2.${Math.floor(Math.random() * 250) + 1}`, userAgent: "vitest" });
  const input = (email: string, password = "une phrase de passe assez longue") =>
    signUpInput.parse({ firstName: "Zoé", lastName: "Lambert", birthDate: "1990-01-02", email, password, nir: "" });

  it("creates an account waiting for its e-mail code, with the code in the outbox and not in clear in the table", async () => {
    const email = `su-${randomUUID()}@test.local`;
    await signUp(db, { input: input(email), context: context(), locale: "fr" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, status: true } });
    expect(user.status).toBe("PENDING_VERIFICATION");
    const [mail] = await db.outboundMessage.findMany({ where: { recipient: email } });
    const code = mail.body.match(/\b\d{6}\b/)![0];
    const stored = await db.verificationCode.findFirstOrThrow({ where: { userId: user.id, purpose: "EMAIL_VERIFICATION" } });
    expect(stored.codeHash).not.toContain(code);
    await confirmEmail(db, { email, code, context: context() });
    expect((await db.user.findUniqueOrThrow({ where: { email }, select: { status: true } })).status).toBe("ACTIVE");
  });

  it("answers the same for a taken address, creates nothing, and tells the owner", async () => {
    const email = `su-${randomUUID()}@test.local`;
    await signUp(db, { input: input(email), context: context(), locale: "fr" });
    const before = await db.user.count();
    await expect(signUp(db, { input: input(email), context: context(), locale: "fr" })).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(before);
    const mails = await db.outboundMessage.findMany({ where: { recipient: email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual(["Votre code de confirmation", "Tentative de création d'un espace avec votre adresse"]);
  });

  it("refuses a common password and says why", async () => {
    const error = await signUp(db, { input: input(`su-${randomUUID()}@test.local`, "123456789012"), context: context(), locale: "fr" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messageKey).toMatch(/^auth\.passwordProblems\./);
    expect((error as AppError).field).toBe("password");
  });

  it("refuses an expired confirmation code with the same answer as a wrong one", async () => {
    const email = `su-${randomUUID()}@test.local`;
    await signUp(db, { input: input(email), context: context(), locale: "fr" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const code = await issueCode(db, { userId: user.id, purpose: "EMAIL_VERIFICATION", now: new Date(Date.now() - 31 * 60_000) });
    const expired = await confirmEmail(db, { email, code, context: context() }).catch((e: unknown) => e as AppError);
    const unknown = await confirmEmail(db, { email: `x-${randomUUID()}@test.local`, code, context: context() }).catch((e: unknown) => e as AppError);
    expect(expired).toBeInstanceOf(AppError);
    expect([expired?.code, expired?.messageKey]).toEqual([unknown?.code, unknown?.messageKey]);
  });
});
