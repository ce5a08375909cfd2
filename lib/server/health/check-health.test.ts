import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/db";
import { useTestDb } from "@/lib/testing/test-db";
import { checkHealth } from "./check-health";

describe("checkHealth", () => {
  const db = useTestDb();

  it("reports ok when the database answers", async () => {
    expect(await checkHealth(db)).toEqual({ status: "ok", database: "up" });
  });

  it("reports unavailable when the database cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const down = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:1/postgres", 1);
    afterAll(() => down.$disconnect());
    expect(await checkHealth(down)).toEqual({ status: "unavailable", database: "down" });
  });

  it("reports unavailable when the database hangs past the timeout", async () => {
    const hanging = { $queryRaw: () => new Promise(() => {}) } as unknown as Parameters<typeof checkHealth>[0];
    expect(await checkHealth(hanging, 50)).toEqual({ status: "unavailable", database: "down" });
  });
});
