import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { appendReadHistory } from "./append-read-history";
import { chainPendingHistory } from "./chain-pending-history";
import { recordHistory, type HistoryEvent } from "./record-history";
import { verifyHistoryChain } from "./verify-history-chain";

describe("read events appended without the chain's lock, chained after", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();
  const event = (patientId: string, action: HistoryEvent["action"], n: number): HistoryEvent => ({
    patientId,
    actor: { userId: null, role: null, label: "Tensio+", appId: randomUUID() },
    action,
    document: { id: randomUUID(), title: `Document ${n}` },
    details: { basis: "APP", n },
    ipAddress: "10.0.0.1",
  });

  it("20 concurrent readers and writers of one patient: the chain verifies and holds every access exactly once", async () => {
    const patientId = randomUUID();
    const expected: string[] = [];
    const reader = async (r: number) => {
      for (let i = 0; i < 5; i += 1) expected.push(...(await appendReadHistory(db, event(patientId, "DOCUMENT_LIST_VIEWED", r * 100 + i))));
    };
    const writer = async (w: number) => {
      for (let i = 0; i < 3; i += 1) {
        // Twenty callers share the test's small pool: a writer may wait for a connection longer than Prisma's 2 s default.
        const ids = await db.$transaction((tx) => recordHistory(tx, event(patientId, "DOCUMENT_UPLOADED", w * 100 + i)), {
          maxWait: 30_000,
          timeout: 30_000,
        });
        expected.push(...ids);
      }
    };
    // A chaining pass runs among them, as the job would on another instance.
    const chainer = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await chainPendingHistory(db);
    };
    await Promise.all([...Array.from({ length: 10 }, (_, i) => reader(i)), ...Array.from({ length: 10 }, (_, i) => writer(i)), chainer()]);
    // Unchained reads are in the history at once.
    expect(await db.historyEntry.count({ where: { patientId } })).toBe(80);

    await chainPendingHistory(db);
    const rows = await db.historyEntry.findMany({ where: { patientId }, select: { id: true, sequence: true, action: true } });
    expect(rows.map((row) => row.id).sort()).toEqual([...expected].sort());
    expect(rows.map((row) => row.sequence).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(rows.filter((row) => row.action === "DOCUMENT_LIST_VIEWED")).toHaveLength(50);
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 80, intact: true });
  });

  it("chains reads in the order they were read, after what the chain already holds", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, event(patientId, "DOCUMENT_UPLOADED", 0)));
    const [first] = await appendReadHistory(db, event(patientId, "DOCUMENT_VIEWED", 1));
    await new Promise((resolve) => setTimeout(resolve, 2));
    const [second] = await appendReadHistory(db, event(patientId, "DOCUMENT_VIEWED", 2));
    expect(await chainPendingHistory(db)).toMatchObject({ refused: 0 });
    const byId = new Map((await db.historyEntry.findMany({ where: { patientId } })).map((row) => [row.id, row.sequence]));
    expect([byId.get(first!), byId.get(second!)]).toEqual([2, 3]);
    // Nothing left: a second pass (another instance) chains nothing.
    expect(await chainPendingHistory(db)).toEqual({ patients: 0, chained: 0, refused: 0 });
  });

  it("refuses to chain a row the application did not seal, and the chain check names it", async () => {
    const patientId = randomUUID();
    await appendReadHistory(db, event(patientId, "DOCUMENT_VIEWED", 1));
    const [sealed] = await db.historyEntry.findMany({ where: { patientId } });
    // Someone with the database's credentials but not the history key adds a read that never happened.
    await db.historyEntry.create({
      data: { ...sealed!, id: randomUUID(), documentTitle: "Autre chose", details: sealed!.details ?? undefined, createdAt: new Date() },
    });
    expect(await chainPendingHistory(db)).toMatchObject({ chained: 1, refused: 1 });
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 1, intact: false, brokenAtSequence: 2, problem: "SEAL" });
  });

  it("lets the app fill an unchained row's chain columns once, and nothing else", async () => {
    const patientId = randomUUID();
    const [id] = await appendReadHistory(db, event(patientId, "DOCUMENT_VIEWED", 1));
    await expect(db.$executeRaw`UPDATE "HistoryEntry" SET "documentTitle" = 'x' WHERE id = ${id}::uuid`).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "HistoryEntry" WHERE id = ${id}::uuid`).rejects.toThrow(/permission denied|append-only/);
    // Even the owner cannot change a row's content while chaining it, nor chain it twice.
    await expect(
      owner.$executeRaw`UPDATE "HistoryEntry" SET sequence = 1, "previousHash" = ${"0".repeat(64)}, hash = ${"1".repeat(64)}, "documentTitle" = 'x' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await chainPendingHistory(db);
    await expect(db.$executeRaw`UPDATE "HistoryEntry" SET sequence = 2 WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 1, intact: true });
  });
});
