import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testAccountCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { removeFactor } from "./remove-factor";

const deliver = () => {};

describe("removing a second factor", () => {
  const db = useTestDb();
  const as = (userId: string) => testAccountCtx(db, userId, { ip: "192.0.2.9", userAgent: "Vitest" });

  async function accountWith(kinds: ("TOTP" | "EMAIL_OTP" | "PASSKEY")[]) {
    const user = await db.user.create({
      data: { email: `rf-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true, email: true },
    });
    const factors = [];
    for (const kind of kinds)
      factors.push((await db.authFactor.create({ data: { userId: user.id, kind, confirmedAt: new Date() }, select: { id: true } })).id);
    return { user, factors };
  }

  it("removes one of several, records it and tells the owner", async () => {
    const { user, factors } = await accountWith(["TOTP", "PASSKEY"]);
    await removeFactor(as(user.id), { factorId: factors[0], deliver });
    expect((await db.authFactor.findMany({ where: { userId: user.id } })).map((f) => f.id)).toEqual([factors[1]]);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "FACTOR_REMOVED" } })).toBe(1);
    expect((await db.outboundMessage.findFirstOrThrow({ where: { recipient: user.email } })).subject).toMatch(/moyens de connexion/);
  });

  it("refuses to remove the last confirmed factor, even with an unconfirmed one beside it", async () => {
    const { user, factors } = await accountWith(["TOTP"]);
    await db.authFactor.create({ data: { userId: user.id, kind: "TOTP" } });
    await expect(removeFactor(as(user.id), { factorId: factors[0], deliver })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "security.factors.lastFactor",
    });
    expect(await db.authFactor.count({ where: { id: factors[0] } })).toBe(1);
  });

  it("keeps one factor when the last two are removed at the same moment", async () => {
    const { user, factors } = await accountWith(["TOTP", "EMAIL_OTP"]);
    const results = await Promise.allSettled(factors.map((factorId) => removeFactor(as(user.id), { factorId, deliver })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.authFactor.count({ where: { userId: user.id, confirmedAt: { not: null } } })).toBe(1);
  });

  it("cannot remove another person's factor", async () => {
    const alice = await accountWith(["TOTP", "TOTP"]);
    const bob = await accountWith(["TOTP", "TOTP"]);
    await expect(removeFactor(as(alice.user.id), { factorId: bob.factors[0], deliver })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.authFactor.count({ where: { userId: bob.user.id } })).toBe(2);
  });
});
