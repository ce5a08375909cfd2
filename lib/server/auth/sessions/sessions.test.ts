import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testAccountCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { completeSecondFactor, startPasswordSession } from "./create-session";
import { listActiveSessions } from "./list-sessions";
import { endSession, revokeAllSessions, revokeOtherSessions, revokeSession } from "./revoke-sessions";
import type { SessionPolicy } from "./session-policy";
import { hashSessionToken } from "./session-token";
import { validateSession } from "./validate-session";

const policy: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  secondFactorMs: 10 * 60_000,
  reauthenticationMs: 10 * 60_000,
};
const at = (iso: string) => new Date(iso);
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

describe("server-side sessions", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `s-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });

  async function signIn(userId: string, now = new Date()) {
    const half = await startPasswordSession(db, { userId, now, policy, context: { ip: "203.0.113.9", userAgent: "Firefox" } });
    const full = await completeSecondFactor(db, { halfToken: half.token, now, policy });
    return { half, full: full! };
  }

  it("is half-authenticated after the password and full only after the second factor, under a new token", async () => {
    const user = await newUser();
    const t0 = new Date();
    const half = await startPasswordSession(db, { userId: user.id, now: t0, policy });
    expect((await validateSession(db, { token: half.token, now: t0, policy }))?.stage).toBe("PASSWORD_VERIFIED");

    const full = await completeSecondFactor(db, { halfToken: half.token, now: t0, policy });
    expect(full).not.toBeNull();
    expect(full!.token).not.toBe(half.token);
    expect((await validateSession(db, { token: full!.token, now: t0, policy }))?.stage).toBe("FULL");
    // The half token is dead: no fixation, no second upgrade.
    expect(await validateSession(db, { token: half.token, now: t0, policy })).toBeNull();
    expect(await completeSecondFactor(db, { halfToken: half.token, now: t0, policy })).toBeNull();
  });

  it("upgrades a half session once even when two requests race", async () => {
    const user = await newUser();
    const half = await startPasswordSession(db, { userId: user.id, policy });
    const results = await Promise.all(Array.from({ length: 5 }, () => completeSecondFactor(db, { halfToken: half.token, policy })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("gives a half session only a few minutes to complete the second factor", async () => {
    const user = await newUser();
    const t0 = at("2026-03-01T10:00:00Z");
    const half = await startPasswordSession(db, { userId: user.id, now: t0, policy });
    expect(await completeSecondFactor(db, { halfToken: half.token, now: minutes(t0, 11), policy })).toBeNull();
  });

  it("ends after 30 idle minutes, and is kept alive by use", async () => {
    const user = await newUser();
    const t0 = at("2026-03-01T10:00:00Z");
    const { full } = await signIn(user.id, t0);
    expect(await validateSession(db, { token: full.token, now: minutes(t0, 29), policy })).not.toBeNull();
    expect(await validateSession(db, { token: full.token, now: minutes(t0, 29 + 29), policy })).not.toBeNull();
    expect(await validateSession(db, { token: full.token, now: minutes(t0, 29 + 29 + 31), policy })).toBeNull();
    // Deleted on sight, not merely refused.
    expect(await db.session.count({ where: { tokenHash: hashSessionToken(full.token) } })).toBe(0);
  });

  it("ends 12 hours after sign-in however active it is", async () => {
    const user = await newUser();
    const t0 = at("2026-03-01T08:00:00Z");
    const { full } = await signIn(user.id, t0);
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await validateSession(db, { token: full.token, now: minutes(t0, m), policy }), `minute ${m}`).not.toBeNull();
    }
    expect(await validateSession(db, { token: full.token, now: minutes(t0, 12 * 60 + 1), policy })).toBeNull();
  });

  it("ends at once when the account is disabled", async () => {
    const user = await newUser();
    const { full } = await signIn(user.id);
    await db.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    expect(await validateSession(db, { token: full.token, policy })).toBeNull();
  });

  it("signs out, signs out one device, all others, or everything", async () => {
    const user = await newUser();
    const a = (await signIn(user.id)).full;
    const b = (await signIn(user.id)).full;
    const c = (await signIn(user.id)).full;
    const other = (await signIn((await newUser()).id)).full;

    expect((await listActiveSessions(testAccountCtx(db, user.id))).map((s) => s.id).sort()).toEqual(
      [a, b, c].map((s) => s.sessionId).sort(),
    );
    expect(await revokeSession(db, { userId: user.id, sessionId: other.sessionId })).toBe(false); // not theirs
    expect(await validateSession(db, { token: other.token, policy })).not.toBeNull();

    expect(await revokeSession(db, { userId: user.id, sessionId: b.sessionId })).toBe(true);
    expect(await validateSession(db, { token: b.token, policy })).toBeNull();

    const d = (await signIn(user.id)).full;
    expect(await revokeOtherSessions(db, { userId: user.id, keepSessionId: a.sessionId })).toBe(2);
    expect(await validateSession(db, { token: a.token, policy })).not.toBeNull();
    expect(await validateSession(db, { token: c.token, policy })).toBeNull();
    expect(await validateSession(db, { token: d.token, policy })).toBeNull();

    expect(await endSession(db, a.token)).toBe(true);
    expect(await validateSession(db, { token: a.token, policy })).toBeNull();

    const e = (await signIn(user.id)).full;
    const f = (await signIn(user.id)).full;
    expect(await revokeAllSessions(db, user.id)).toBe(2);
    expect(await validateSession(db, { token: e.token, policy })).toBeNull();
    expect(await validateSession(db, { token: f.token, policy })).toBeNull();
  });

  it("stores only a hash of the token", async () => {
    const user = await newUser();
    const { full } = await signIn(user.id);
    const row = await db.session.findUniqueOrThrow({ where: { id: full.sessionId } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(full.token);
    expect(await validateSession(db, { token: undefined, policy })).toBeNull();
    expect(await validateSession(db, { token: "forged", policy })).toBeNull();
  });
});
