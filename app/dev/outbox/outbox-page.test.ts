import { afterEach, describe, expect, it, vi } from "vitest";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { listRecentMessages } from "@/lib/server/messaging/list-recent-messages";

const production = vi.hoisted(() => ({ value: false }));
vi.mock("@/lib/server/config", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/server/config")>();
  return { ...actual, getConfig: () => ({ ...actual.getConfig(), isProduction: production.value }) };
});
vi.mock("next/server", () => ({ connection: async () => {} }));

describe("the development outbox page", () => {
  const db = useTestDb();
  afterEach(() => {
    production.value = false;
  });

  it("does not exist in production", async () => {
    production.value = true;
    const { default: OutboxPage } = await import("./page");
    await expect(OutboxPage()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
  });

  it("lists the latest messages, newest first, at most 50", async () => {
    const base = Date.now();
    for (let i = 0; i < 55; i++) {
      await db.outboundMessage.create({
        data: {
          channel: i % 2 ? "SMS" : "EMAIL",
          recipient: `${i}@test.local`,
          body: `message ${i}`,
          createdAt: new Date(base + i * 1000),
          sentAt: i === 53 ? null : new Date(base),
        },
      });
    }
    const messages = await listRecentMessages(testCtx(db));
    expect(messages).toHaveLength(50);
    expect(messages.slice(0, 3).map((m) => m.recipient)).toEqual(["54@test.local", "53@test.local", "52@test.local"]);
    expect(messages.at(-1)?.recipient).toBe("5@test.local");
    expect(messages[0]).toMatchObject({ channel: "EMAIL", body: "message 54", sentAt: new Date(base) });
    expect(messages[1]).toMatchObject({ channel: "SMS", body: "message 53", sentAt: null });
  });
});
