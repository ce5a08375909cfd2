import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { ABUSE_LIMITS, consumeAbuseLimit } from "./abuse-limits";

describe("abuse limits", () => {
  const db = useTestDb();

  it("stops one account after its limit, from any address, without stopping another account", async () => {
    const subject = `victim-${randomUUID()}@test.local`;
    const { limit } = ABUSE_LIMITS.signIn.perAccount;
    for (let i = 0; i < limit; i++)
      expect((await consumeAbuseLimit(db, { action: "signIn", subject, ipAddress: `203.0.113.${i + 1}` })).allowed).toBe(true);
    const refused = await consumeAbuseLimit(db, { action: "signIn", subject, ipAddress: "203.0.113.200" });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      (await consumeAbuseLimit(db, { action: "signIn", subject: `other-${randomUUID()}@test.local`, ipAddress: "203.0.113.200" })).allowed,
    ).toBe(true);
  });

  it("stops one address spraying many accounts", async () => {
    const ipAddress = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const { limit } = ABUSE_LIMITS.signUp.perIp;
    for (let i = 0; i < limit; i++)
      expect((await consumeAbuseLimit(db, { action: "signUp", subject: `a${i}-${randomUUID()}@test.local`, ipAddress })).allowed).toBe(
        true,
      );
    expect((await consumeAbuseLimit(db, { action: "signUp", subject: `last-${randomUUID()}@test.local`, ipAddress })).allowed).toBe(false);
  });

  it("keeps addresses out of the bucket keys", async () => {
    const subject = `secret-${randomUUID()}@test.local`;
    await consumeAbuseLimit(db, { action: "codeSend", subject, ipAddress: null });
    const keys = (await db.rateLimitBucket.findMany({ where: { key: { startsWith: "codeSend:account:" } }, select: { key: true } })).map(
      (b) => b.key,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes("secret-"))).toBe(false);
  });
});
