import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { historyKeyring } from "@/lib/server/crypto/history-keys";
import type { Db } from "@/lib/server/db";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { GENESIS_HASH, plainHistoryEntryHash } from "./history-hash";
import { recordHistory, type HistoryEvent } from "./record-history";
import { verifyHistoryChain } from "./verify-history-chain";

/** As the tables' owner would: triggers off, the statements run, triggers back on, in one transaction. */
async function behindTheTriggers(owner: Db, work: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => Promise<unknown>) {
  await owner.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`);
    await work(tx);
    await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" ENABLE TRIGGER "HistoryEntry_append_only"`);
  });
}

describe("the activity history", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();
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
    await db.$transaction((tx) =>
      recordHistory(tx, event(patientId, { action: "DOCUMENT_DOWNLOADED", details: { b: 1, a: { d: 2, c: 3 } } })),
    );
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

  it("cannot be altered or erased, even by the tables' owner: triggers refuse UPDATE, DELETE and TRUNCATE", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, event(patientId)));
    // The app's own role has not even the privileges (prisma/app-database-role.test.ts); the triggers
    // stop the owner too, unless disabled, which the keyed chain and the checkpoints then expose.
    await expect(owner.historyEntry.updateMany({ where: { patientId }, data: { actorLabel: "Quelqu'un d'autre" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.historyEntry.deleteMany({ where: { patientId } })).rejects.toThrow(/append-only/);
    await expect(owner.$executeRawUnsafe(`TRUNCATE "HistoryEntry"`)).rejects.toThrow(/append-only/);
    expect(await db.historyEntry.count({ where: { patientId } })).toBe(1);
  });

  it("reports a break when an entry was rewritten behind the triggers' back", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, [event(patientId), event(patientId), event(patientId)]));
    // Someone with the power to disable triggers (a database owner) rewrites the second entry.
    await behindTheTriggers(
      owner,
      (tx) =>
        tx.$executeRaw`UPDATE "HistoryEntry" SET "documentTitle" = 'Autre chose' WHERE "patientId" = ${patientId}::uuid AND sequence = 2`,
    );
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 1, intact: false, brokenAtSequence: 2, problem: "HASH" });
  });

  it("hashes each entry with an HMAC under the history key, so a rewrite with a recomputed SHA-256 is still found", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, [event(patientId), event(patientId), event(patientId)]));
    // The owner rewrites the second entry and recomputes its hash the only way the database allows:
    // a plain SHA-256 over the new content (what the chain used to be, and what verification accepted).
    await behindTheTriggers(owner, async (tx) => {
      await tx.$executeRaw`UPDATE "HistoryEntry" SET "documentTitle" = 'Autre chose' WHERE "patientId" = ${patientId}::uuid AND sequence = 2`;
      const second = await tx.historyEntry.findFirstOrThrow({ where: { patientId, sequence: 2 } });
      await tx.$executeRaw`UPDATE "HistoryEntry" SET hash = ${plainHistoryEntryHash({ ...second, sequence: 2, previousHash: second.previousHash! })} WHERE id = ${second.id}::uuid`;
    });
    expect(await verifyHistoryChain(db, patientId)).toEqual({ patientId, entries: 1, intact: false, brokenAtSequence: 2, problem: "HASH" });
  });

  it("refuses a chain rewritten as plain SHA-256 entries from the point of change to its end", async () => {
    const patientId = randomUUID();
    await db.$transaction((tx) => recordHistory(tx, [event(patientId), event(patientId), event(patientId)]));
    // Better still for the attacker: the entries from the second on pretend to predate the keyed chain,
    // each one's plain hash recomputed and the next one relinked to it.
    await behindTheTriggers(owner, async (tx) => {
      await tx.$executeRaw`UPDATE "HistoryEntry" SET "documentTitle" = 'Autre chose' WHERE "patientId" = ${patientId}::uuid AND sequence = 2`;
      let previousHash = (await tx.historyEntry.findFirstOrThrow({ where: { patientId, sequence: 1 } })).hash!;
      for (const sequence of [2, 3]) {
        const entry = await tx.historyEntry.findFirstOrThrow({ where: { patientId, sequence } });
        const hash = plainHistoryEntryHash({ ...entry, sequence, previousHash, hashKeyId: null });
        await tx.$executeRaw`UPDATE "HistoryEntry" SET "previousHash" = ${previousHash}, hash = ${hash}, "hashKeyId" = NULL WHERE id = ${entry.id}::uuid`;
        previousHash = hash;
      }
    });
    expect(await verifyHistoryChain(db, patientId)).toEqual({
      patientId,
      entries: 1,
      intact: false,
      brokenAtSequence: 2,
      problem: "UNKEYED",
    });
  });

  it("refuses a whole chain forged with plain hashes, which no checkpoint covers", async () => {
    const patientId = randomUUID();
    const forged = {
      id: randomUUID(),
      patientId,
      sequence: 1,
      actorId: null,
      actorRole: null,
      actorLabel: "Faux",
      action: "DOCUMENT_VIEWED" as const,
      documentId: null,
      documentTitle: null,
      details: null,
      ipAddress: null,
      createdAt: new Date(),
      previousHash: GENESIS_HASH,
    };
    await owner.historyEntry.create({ data: { ...forged, details: undefined, hash: plainHistoryEntryHash(forged) } });
    expect(await verifyHistoryChain(db, patientId)).toEqual({
      patientId,
      entries: 0,
      intact: false,
      brokenAtSequence: 1,
      problem: "UNKEYED",
    });
  });

  it("verifies entries made under a retired key while it is kept in the keyring, and names an unknown key", async () => {
    const patientId = randomUUID();
    const [retired, current] = [randomBytes(32), randomBytes(32)];
    await db.$transaction((tx) => recordHistory(tx, [event(patientId), event(patientId)], { keyring: historyKeyring([retired]) }));
    await db.$transaction((tx) => recordHistory(tx, event(patientId), { keyring: historyKeyring([current, retired]) }));
    const keyIds = (
      await db.historyEntry.findMany({ where: { patientId }, orderBy: { sequence: "asc" }, select: { hashKeyId: true } })
    ).map((e) => e.hashKeyId);
    expect(new Set(keyIds).size).toBe(2);
    expect(await verifyHistoryChain(db, patientId, { keyring: historyKeyring([current, retired]) })).toEqual({
      patientId,
      entries: 3,
      intact: true,
    });
    expect(await verifyHistoryChain(db, patientId, { keyring: historyKeyring([current]) })).toEqual({
      patientId,
      entries: 0,
      intact: false,
      brokenAtSequence: 1,
      problem: "UNKNOWN_KEY",
    });
  });
});
