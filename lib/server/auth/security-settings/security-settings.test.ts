import { randomUUID } from "node:crypto";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { testAccountCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { consumeRecoveryCode, generateRecoveryCodes } from "../recovery-codes";
import { completeSecondFactor, startPasswordSession } from "../sessions/create-session";
import { validateSession } from "../sessions/validate-session";
import { startTotpEnrolment } from "../totp/start-totp-enrolment";
import { confirmAddedTotp } from "./confirm-added-totp";
import { listFactors } from "./list-factors";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { signOutOtherSessions } from "./sign-out-other-sessions";
import { signOutSession } from "./sign-out-session";

const deliver = () => {};

describe("the Sécurité page's operations", () => {
  const db = useTestDb();
  const as = (userId: string) => testAccountCtx(db, userId, { ip: "192.0.2.12", userAgent: "Vitest" });
  const newUser = () =>
    db.user.create({
      data: { email: `ss-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true, email: true },
    });
  const signIn = async (userId: string) =>
    (await completeSecondFactor(db, { halfToken: (await startPasswordSession(db, { userId })).token }))!;
  const events = async (userId: string) =>
    (await db.securityEvent.findMany({ where: { userId }, select: { kind: true } })).map((e) => e.kind);

  it("signs out all other sessions of the account, and only those", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const [mine, other, third, theirs] = [await signIn(user.id), await signIn(user.id), await signIn(user.id), await signIn(stranger.id)];
    expect(await signOutOtherSessions(as(user.id), { currentSessionId: mine.sessionId })).toEqual({ ended: 2 });
    expect(await validateSession(db, { token: mine.token })).not.toBeNull();
    expect(await validateSession(db, { token: other.token })).toBeNull();
    expect(await validateSession(db, { token: third.token })).toBeNull();
    expect(await validateSession(db, { token: theirs.token })).not.toBeNull();
    expect(await events(user.id)).toEqual(["SESSION_REVOKED"]);
  });

  it("signs out one other device, never the current one nor someone else's", async () => {
    const user = await newUser();
    const [mine, other] = [await signIn(user.id), await signIn(user.id)];
    const theirs = await signIn((await newUser()).id);
    await expect(signOutSession(as(user.id), { currentSessionId: mine.sessionId, sessionId: mine.sessionId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(signOutSession(as(user.id), { currentSessionId: mine.sessionId, sessionId: theirs.sessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await validateSession(db, { token: theirs.token })).not.toBeNull();
    await signOutSession(as(user.id), { currentSessionId: mine.sessionId, sessionId: other.sessionId });
    expect(await validateSession(db, { token: other.token })).toBeNull();
    expect(await validateSession(db, { token: mine.token })).not.toBeNull();
  });

  it("adds an authenticator app only with a right code, then lists it with its name and tells the owner", async () => {
    const user = await newUser();
    const enrolment = await startTotpEnrolment(db, { userId: user.id, accountLabel: user.email });
    expect(await listFactors(db, { userId: user.id })).toEqual([]);
    await expect(
      confirmAddedTotp(as(user.id), { factorId: enrolment.factorId, code: "000000", label: "Téléphone", deliver }),
    ).rejects.toMatchObject({
      field: "code",
      messageKey: "security.totp.invalidCode",
    });
    const code = new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(enrolment.secretBase32),
      digits: 6,
      period: 30,
      algorithm: "SHA1",
    }).generate();
    await confirmAddedTotp(as(user.id), { factorId: enrolment.factorId, code, label: "Téléphone", deliver });
    expect(await listFactors(db, { userId: user.id })).toMatchObject([{ id: enrolment.factorId, kind: "TOTP", label: "Téléphone" }]);
    expect(await events(user.id)).toEqual(["FACTOR_ENROLLED"]);
    expect(await db.outboundMessage.count({ where: { recipient: user.email } })).toBe(1);
  });

  it("regenerates recovery codes: ten new ones, the old ones dead, and the event recorded", async () => {
    const user = await newUser();
    const [old] = await generateRecoveryCodes(db, { userId: user.id });
    const fresh = await regenerateRecoveryCodes(as(user.id));
    expect(fresh).toHaveLength(10);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: old })).toBe(false);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: fresh[0] })).toBe(true);
    expect(await events(user.id)).toEqual(["RECOVERY_CODES_REGENERATED"]);
  });
});
