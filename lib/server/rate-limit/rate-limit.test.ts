import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { consumeRateLimit, consumeRateLimits } from "./consume-rate-limit";
import { resetRateLimit } from "./reset-rate-limit";

describe("rate limits", () => {
  const db = useTestDb();
  const newKey = (label: string) => `test:${label}:${randomUUID()}`;

  /** Moves a bucket's window into the past, as if its time had run out. */
  const expire = (key: string) =>
    db.$executeRaw`UPDATE "RateLimitBucket" SET "windowStart" = now() - interval '2 hours', "expiresAt" = now() - interval '1 hour' WHERE "key" = ${key}`;

  it("allows exactly the limit among 20 concurrent requests", async () => {
    const key = newKey("burst");
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(db, { key, limit: 5, windowSeconds: 60 })));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    expect(results.filter((result) => !result.allowed)).toHaveLength(15);
    // Each allowed request saw a different count: no two were given the same slot.
    expect(
      results
        .filter((result) => result.allowed)
        .map((result) => result.remaining)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4]);
  });

  it("counts down what remains, then refuses with a time to wait", async () => {
    const key = newKey("countdown");
    const rule = { key, limit: 3, windowSeconds: 60 };
    expect(await consumeRateLimit(db, rule)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(await consumeRateLimit(db, rule)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(await consumeRateLimit(db, rule)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    const refused = await consumeRateLimit(db, rule);
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await consumeRateLimit(db, rule)).allowed).toBe(false);
  });

  it("keeps the window's start while refusing, so a flood does not extend it", async () => {
    const key = newKey("fixed");
    const rule = { key, limit: 1, windowSeconds: 60 };
    await consumeRateLimit(db, rule);
    const before = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    for (let i = 0; i < 5; i++) await consumeRateLimit(db, rule);
    const after = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(after.windowStart).toEqual(before.windowStart);
    expect(after.expiresAt).toEqual(before.expiresAt);
    expect(after.expiresAt.getTime() - after.windowStart.getTime()).toBe(60_000);
    expect(after.count).toBe(2);
  });

  it("allows again once the window has passed", async () => {
    const key = newKey("window");
    const rule = { key, limit: 2, windowSeconds: 60 };
    await consumeRateLimit(db, rule);
    await consumeRateLimit(db, rule);
    expect((await consumeRateLimit(db, rule)).allowed).toBe(false);
    await expire(key);
    expect(await consumeRateLimit(db, rule)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(bucket.count).toBe(1);
    expect(Math.abs(bucket.windowStart.getTime() - Date.now())).toBeLessThan(30_000);
  });

  it("lets a one-second window pass in real time", async () => {
    const key = newKey("second");
    const rule = { key, limit: 1, windowSeconds: 1 };
    expect((await consumeRateLimit(db, rule)).allowed).toBe(true);
    const refused = await consumeRateLimit(db, rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await consumeRateLimit(db, rule)).allowed).toBe(true);
  });

  it("keeps keys independent", async () => {
    const first = newKey("a");
    const second = newKey("b");
    await consumeRateLimit(db, { key: first, limit: 1, windowSeconds: 60 });
    expect((await consumeRateLimit(db, { key: first, limit: 1, windowSeconds: 60 })).allowed).toBe(false);
    expect(await consumeRateLimit(db, { key: second, limit: 1, windowSeconds: 60 })).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
    });
  });

  it("forgets a key on reset", async () => {
    const key = newKey("reset");
    const other = newKey("kept");
    const rule = { key, limit: 1, windowSeconds: 60 };
    await consumeRateLimit(db, rule);
    await consumeRateLimit(db, { key: other, limit: 1, windowSeconds: 60 });
    expect((await consumeRateLimit(db, rule)).allowed).toBe(false);
    await resetRateLimit(db, key);
    expect((await consumeRateLimit(db, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(db, { key: other, limit: 1, windowSeconds: 60 })).allowed).toBe(false);
  });

  it("counts several windows in one statement, each against its own limit, and concurrent pairs never deadlock", async () => {
    const connection = newKey("connection");
    const client = newKey("client");
    // Both orders at once: the rows are locked in key order whatever order the caller names them in.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        consumeRateLimits(
          db,
          i % 2
            ? [
                { key: connection, limit: 3, windowSeconds: 60 },
                { key: client, limit: 10, windowSeconds: 60 },
              ]
            : [
                { key: client, limit: 10, windowSeconds: 60 },
                { key: connection, limit: 3, windowSeconds: 60 },
              ],
        ),
      ),
    );
    const connectionResults = results.map((pair, i) => pair[i % 2 ? 0 : 1]!);
    const clientResults = results.map((pair, i) => pair[i % 2 ? 1 : 0]!);
    expect(connectionResults.filter((result) => result.allowed)).toHaveLength(3);
    expect(clientResults.filter((result) => result.allowed)).toHaveLength(10);
    await expect(
      consumeRateLimits(db, [
        { key: client, limit: 1, windowSeconds: 60 },
        { key: client, limit: 1, windowSeconds: 60 },
      ]),
    ).rejects.toThrow();
  });

  it("refuses a malformed rule rather than guessing", async () => {
    await expect(consumeRateLimit(db, { key: newKey("bad"), limit: 0, windowSeconds: 60 })).rejects.toThrow();
    await expect(consumeRateLimit(db, { key: newKey("bad"), limit: 1.5, windowSeconds: 60 })).rejects.toThrow();
    await expect(consumeRateLimit(db, { key: newKey("bad"), limit: 1, windowSeconds: 0 })).rejects.toThrow();
    await expect(consumeRateLimit(db, { key: "x".repeat(201), limit: 1, windowSeconds: 60 })).rejects.toThrow();
    await expect(consumeRateLimit(db, { key: "", limit: 1, windowSeconds: 60 })).rejects.toThrow();
  });
});
