import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { hashPassword, verifyPassword } from "../password-hash";
import { completeSecondFactor, startPasswordSession } from "../sessions/create-session";
import { validateSession } from "../sessions/validate-session";
import { completePasswordReset } from "./complete-password-reset";
import { findPasswordReset } from "./find-password-reset";
import { requestPasswordReset } from "./request-password-reset";

const origin = { ip: "198.51.100.7", userAgent: "Vitest" };
const NEW_PASSWORD = "un tout autre mot de passe solide";

describe("password reset by e-mail", () => {
  const db = useTestDb();
  const delivered: string[] = [];
  const deliver = (id: string) => void delivered.push(id);

  async function newUser(status: "ACTIVE" | "DISABLED" = "ACTIVE") {
    const email = `reset-${randomUUID()}@test.local`;
    return db.user.create({
      data: {
        email,
        firstName: "Léa",
        lastName: "Roux",
        status,
        passwordHash: await hashPassword("ancien mot de passe tres long"),
        consecutiveFailures: 7,
      },
      select: { id: true, email: true },
    });
  }

  /** Asks for a reset and returns the link's token, read from the mail the app queued. */
  async function requestLink(email: string, now = new Date()): Promise<string> {
    await requestPasswordReset(testCtx(db, { ...origin, now: () => now }), { email, minimumMs: 0, deliver });
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: email.toLowerCase() }, orderBy: { createdAt: "desc" } });
    const match = mail.body.match(/\/mot-de-passe-oublie\/nouveau\?jeton=([\w.-]+)/);
    expect(match, "link in the mail").not.toBeNull();
    return match![1];
  }

  it("mails an active account a link whose secret is stored only as a hash", async () => {
    const user = await newUser();
    const token = await requestLink(user.email.toUpperCase());
    const [codeId, secret] = token.split(".");
    expect(secret).toMatch(/^[\w-]{43}$/);
    const row = await db.verificationCode.findUniqueOrThrow({ where: { id: codeId } });
    expect(row).toMatchObject({ userId: user.id, purpose: "PASSWORD_RESET", consumedAt: null });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(30 * 60_000, -4);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "PASSWORD_RESET_REQUESTED" } })).toBe(1);
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: user.email } });
    expect(delivered).toContain(mail.id);
  });

  it("answers an unknown or disabled address exactly as a known one, after the same minimum time, and writes nothing", async () => {
    const known = await newUser();
    const disabled = await newUser("DISABLED");
    const unknown = `nobody-${randomUUID()}@test.local`;
    const outboxBefore = await db.outboundMessage.count();
    const codesBefore = await db.verificationCode.count();

    const timed = async (email: string) => {
      const started = performance.now();
      const value = await requestPasswordReset(testCtx(db, origin), { email, minimumMs: 300, deliver });
      return { value, ms: performance.now() - started };
    };
    const results = [await timed(known.email), await timed(unknown), await timed(disabled.email)];
    expect(results.map((r) => r.value)).toEqual([undefined, undefined, undefined]);
    for (const r of results) expect(r.ms).toBeGreaterThanOrEqual(295);
    // Only the known, active account got a code and a mail.
    expect(await db.outboundMessage.count()).toBe(outboxBefore + 1);
    expect(await db.verificationCode.count()).toBe(codesBefore + 1);
    expect(await db.outboundMessage.count({ where: { recipient: { in: [unknown, disabled.email] } } })).toBe(0);
  });

  it("rate-limits by address typed whether or not it exists", async () => {
    for (const email of [(await newUser()).email, `nobody-${randomUUID()}@test.local`]) {
      const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 3; i++) await requestPasswordReset(testCtx(db, { ...origin, ip }), { email, minimumMs: 0, deliver });
      await expect(requestPasswordReset(testCtx(db, { ...origin, ip }), { email, minimumMs: 0, deliver })).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
    }
  });

  it("sets the new password once, ends every session, keeps the lockout count, and tells the owner", async () => {
    const user = await newUser();
    const half = await startPasswordSession(db, { userId: user.id });
    const full = (await completeSecondFactor(db, { halfToken: (await startPasswordSession(db, { userId: user.id })).token }))!;
    const token = await requestLink(user.email);

    await completePasswordReset(testCtx(db, origin), { token, password: NEW_PASSWORD, deliver });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(after.passwordChangedAt).not.toBeNull();
    expect(after.consecutiveFailures).toBe(7);
    expect(await validateSession(db, { token: full.token })).toBeNull();
    expect(await validateSession(db, { token: half.token })).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "PASSWORD_RESET_COMPLETED" } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { recipient: user.email, subject: { contains: "mot de passe a été modifié" } } })).toBe(
      1,
    );

    // Single use: the same link is dead, for reading and for completing.
    expect(await findPasswordReset(db, { token })).toBeNull();
    await expect(
      completePasswordReset(testCtx(db, origin), { token, password: "encore un autre mot de passe", deliver }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "passwordReset.invalidLink",
    });
  });

  it("completes once when the same link is submitted twice at the same moment", async () => {
    const user = await newUser();
    const token = await requestLink(user.email);
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => completePasswordReset(testCtx(db, origin), { token, password: NEW_PASSWORD, deliver })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "PASSWORD_RESET_COMPLETED" } })).toBe(1);
  });

  it("expires after 30 minutes", async () => {
    const user = await newUser();
    const t0 = new Date(Date.now() - 31 * 60_000);
    const token = await requestLink(user.email, t0);
    expect(await findPasswordReset(db, { token, now: new Date(t0.getTime() + 29 * 60_000) })).not.toBeNull();
    expect(await findPasswordReset(db, { token })).toBeNull();
    await expect(completePasswordReset(testCtx(db, origin), { token, password: NEW_PASSWORD, deliver })).rejects.toMatchObject({
      messageKey: "passwordReset.invalidLink",
    });
  });

  it("honours only the latest link, and refuses forged or malformed ones", async () => {
    const user = await newUser();
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(await findPasswordReset(db, { token: first })).toBeNull();
    expect(await findPasswordReset(db, { token: second })).not.toBeNull();
    const [codeId] = second.split(".");
    for (const forged of [`${codeId}.${"A".repeat(43)}`, codeId, "", "x.y", `${second}x`, null]) {
      expect(await findPasswordReset(db, { token: forged }), String(forged)).toBeNull();
    }
  });

  it("refuses a weak password without spending the link", async () => {
    const user = await newUser();
    const token = await requestLink(user.email);
    await expect(completePasswordReset(testCtx(db, origin), { token, password: "court", deliver })).rejects.toMatchObject({
      field: "password",
      messageKey: "security.passwordProblems.TOO_SHORT",
    });
    await expect(completePasswordReset(testCtx(db, origin), { token, password: "123456789012", deliver })).rejects.toMatchObject({
      messageKey: "security.passwordProblems.COMMON",
    });
    expect(await findPasswordReset(db, { token })).not.toBeNull();
  });
});
