import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { recordHistory, type HistoryEvent } from "./record-history";
import { verifyHistoryChain } from "./verify-history-chain";

describe("the activity history", () => {
  const db = useTestDb();
  const event = (patientId: string, overrides: Partial<HistoryEvent> = {}): HistoryEvent => ({
    patientId,
    actor: { userId: patientId, role: "PATIENT", label: "Léa Roux" },
    action: "DOCUMENT_VIEWED",
    document: { id: randomUUID(), title: "Bilan sanguin" },
    details: { fields: ["title", "category"] },
    ipAddress: "10.0.0.1",
    ...overrides,
  });

  it("chains a patient's entries from 1, each pointing at the previous hash, and verifies intact", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, [event(patientId, { action: "DOCUMENT_UPLOADED" }), event(patientId)]));
    await db.$transaction((tx) => recordHistory(tx, event(patientId, { action: "DOCUMENT_DOWNLOADED", details: { b: 1, a: { d: 2, c: 3 } } })));
    const entries = await db.historyEntry.findMany({ where: { patientId }, orderBy: { sequence: "asc" } });
    expect(entries.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(entries[1]!.previousHash).toBe(entries[0]!.hash);
    expect(entries[2]!.previousHash).toBe(entries[1]!.hash);
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 3, intact: true });
  });

  it("keeps one chain under concurrent writers", async () => {
    const patientId = randomUUID();
    await Promise.all(Array.from({ length: 8 }, () => db.$transaction((tx) => recordHistory(tx, event(patientId)))));
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 8, intact: true });
  });

  it("is written with the change or not at all", async () => {
    const patientId = randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await recordHistory(tx, event(patientId));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.historyEntry.count({ where: { patientId } })).toBe(0);
  });

  it("cannot be altered or erased: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, event(patientId)));
    await expect(db.historyEntry.updateMany({ where: { patientId }, data: { actorLabel: "Quelqu'un d'autre" } })).rejects.toThrow(/append-only/);
    await expect(db.historyEntry.deleteMany({ where: { patientId } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "HistoryEntry"`)).rejects.toThrow(/append-only/);
    expect(await db.historyEntry.count({ where: { patientId } })).toBe(1);
  });

  it("reports a break when an entry was rewritten behind the triggers' back", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, [event(patientId), event(patientId), event(patientId)]));
    // Someone with the power to disable triggers (a database owner) rewrites the second entry.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`);
      await tx.$executeRaw`UPDATE "HistoryEntry" SET "documentTitle" = 'Autre chose' WHERE "patientId" = ${patientId}::uuid AND sequence = 2`;
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" ENABLE TRIGGER "HistoryEntry_append_only"`);
    });
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 1, intact: false, brokenAtSequence: 2, problem: "HASH" });
  });
});
