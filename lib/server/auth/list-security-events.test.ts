import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { listSecurityEvents } from "./list-security-events";

describe("the account's security history", () => {
  const db = useTestDb();

  it("lists the account's own latest 50 events, newest first", async () => {
    const [user, other] = await Promise.all(
      ["a", "b"].map((tag) =>
        db.user.create({
          data: { email: `ev-${tag}-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux" },
          select: { id: true },
        }),
      ),
    );
    const t0 = Date.now() - 3_600_000;
    await db.securityEvent.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        userId: user.id,
        kind: i === 54 ? ("PASSWORD_CHANGED" as const) : ("LOGGED_OUT" as const),
        createdAt: new Date(t0 + i * 1000),
        ipAddress: "192.0.2.1",
      })),
    });
    await db.securityEvent.create({ data: { userId: other.id, kind: "SIGNED_UP" } });

    const events = await listSecurityEvents(db, { userId: user.id });
    expect(events).toHaveLength(50);
    expect(events[0]).toMatchObject({ kind: "PASSWORD_CHANGED", ipAddress: "192.0.2.1" });
    expect(events.map((e) => e.createdAt.getTime())).toEqual([...events.map((e) => e.createdAt.getTime())].sort((a, b) => b - a));
    expect(events.at(-1)!.createdAt.getTime()).toBe(t0 + 5 * 1000);
  });
});
