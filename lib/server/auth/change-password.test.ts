import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testAccountCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { changePassword } from "./change-password";
import { hashPassword, verifyPassword } from "./password-hash";
import { completeSecondFactor, startPasswordSession } from "./sessions/create-session";
import { validateSession } from "./sessions/validate-session";

const OLD = "ancienne phrase de passe";
const NEW = "nouvelle phrase de passe solide";
const deliver = () => {};

describe("changing the password", () => {
  const db = useTestDb();
  const as = (userId: string) => testAccountCtx(db, userId, { ip: "192.0.2.80", userAgent: "Vitest" });

  async function accountWithSessions() {
    const user = await db.user.create({
      data: {
        email: `pw-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Roux",
        status: "ACTIVE",
        passwordHash: await hashPassword(OLD),
      },
      select: { id: true, email: true },
    });
    const signIn = async () =>
      (await completeSecondFactor(db, { halfToken: (await startPasswordSession(db, { userId: user.id })).token }))!;
    return { user, current: await signIn(), other: await signIn(), half: await startPasswordSession(db, { userId: user.id }) };
  }

  it("sets the new password, ends every other session but keeps this one, and tells the owner", async () => {
    const { user, current, other, half } = await accountWithSessions();
    const result = await changePassword(as(user.id), {
      keepSessionId: current.sessionId,
      currentPassword: OLD,
      newPassword: NEW,
      deliver,
    });
    expect(result.otherSessionsEnded).toBe(2);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(after.passwordHash!, NEW)).toBe(true);
    expect(await validateSession(db, { token: current.token })).not.toBeNull();
    expect(await validateSession(db, { token: other.token })).toBeNull();
    expect(await validateSession(db, { token: half.token })).toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "PASSWORD_CHANGED" } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { recipient: user.email } })).toBe(1);
  });

  it("refuses a wrong current password, counting it as a failure, and changes nothing", async () => {
    const { user, current, other } = await accountWithSessions();
    await expect(
      changePassword(as(user.id), {
        keepSessionId: current.sessionId,
        currentPassword: "pas le bon",
        newPassword: NEW,
        deliver,
      }),
    ).rejects.toMatchObject({
      field: "currentPassword",
      messageKey: "security.password.wrongCurrent",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(after.passwordHash!, OLD)).toBe(true);
    expect(after.consecutiveFailures).toBe(1);
    expect(await validateSession(db, { token: other.token })).not.toBeNull();
  });

  it("says why a new password is refused", async () => {
    const { user, current } = await accountWithSessions();
    const attempt = (newPassword: string) =>
      changePassword(as(user.id), { keepSessionId: current.sessionId, currentPassword: OLD, newPassword, deliver });
    await expect(attempt("court")).rejects.toMatchObject({ field: "newPassword", messageKey: "security.passwordProblems.TOO_SHORT" });
    await expect(attempt("123456789012")).rejects.toMatchObject({ messageKey: "security.passwordProblems.COMMON" });
    await expect(attempt(`${user.email.split("@")[0]} et encore`)).rejects.toMatchObject({
      messageKey: "security.passwordProblems.PERSONAL",
    });
  });

  it("kills a pending reset link", async () => {
    const { user, current } = await accountWithSessions();
    await db.verificationCode.create({
      data: { userId: user.id, purpose: "PASSWORD_RESET", codeHash: "0".repeat(64), expiresAt: new Date(Date.now() + 60_000) },
    });
    await changePassword(as(user.id), {
      keepSessionId: current.sessionId,
      currentPassword: OLD,
      newPassword: NEW,
      deliver,
    });
    expect(await db.verificationCode.count({ where: { userId: user.id, purpose: "PASSWORD_RESET", consumedAt: null } })).toBe(0);
  });
});
