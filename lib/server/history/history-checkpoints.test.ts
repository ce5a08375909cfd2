import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyKeyring } from "@/lib/server/crypto/history-keys";
import type { Tx } from "@/lib/server/db";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { createS3Storage } from "@/lib/server/storage/s3-storage";
import { startS3TestServer } from "@/lib/server/storage/s3-test-server";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { CHECKPOINT_PREFIX, readHistoryCheckpoints } from "./history-checkpoints";
import { GENESIS_HASH, plainHistoryEntryHash } from "./history-hash";
import { publishHistoryCheckpoint } from "./publish-history-checkpoint";
import { recordHistory } from "./record-history";
import { verifyAllHistoryChains } from "./verify-all-history-chains";

describe("signed checkpoints of the history chains", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();
  const keyring = historyKeyring([randomBytes(32)]);
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

  /** A store of its own per test: the checkpoints of one test never meet another's. */
  async function freshStorage() {
    const root = await mkdtemp(join(tmpdir(), "checkpoints-"));
    roots.push(root);
    return { root, storage: createLocalStorage({ root }) };
  }
  const hour = (n: number) => new Date(Date.UTC(2026, 11, 5, 10 + n, 17));
  const actor = { userId: null, role: null, label: "Test" };
  const write = (patientId: string, count = 1) =>
    db.$transaction((tx) =>
      recordHistory(
        tx,
        Array.from({ length: count }, () => ({ patientId, actor, action: "DOCUMENT_VIEWED" as const })),
        { keyring },
      ),
    );
  /** As the tables' owner, triggers disabled: what the app's own role cannot do. */
  const behindTheTriggers = (work: (tx: Tx) => Promise<unknown>) =>
    owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`);
      await work(tx);
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" ENABLE TRIGGER "HistoryEntry_append_only"`);
    });
  const verdictsFor = async (storage: ReturnType<typeof createLocalStorage>, ...patientIds: string[]) => {
    const report = await verifyAllHistoryChains(db, { storage, keyring });
    return { report, broken: report.broken.filter((verdict) => patientIds.includes(verdict.patientId)) };
  };
  const listed = async (root: string, period: string) =>
    (JSON.parse(await readFile(join(root, CHECKPOINT_PREFIX, period), "utf8")) as { chains: [string, number, string][] }).chains;

  it("publishes one checkpoint per hour, however many times it is asked, listing only the chains that moved", async () => {
    const { root, storage } = await freshStorage();
    const [moving, still] = [randomUUID(), randomUUID()];
    await write(moving, 2);
    await write(still, 3);

    const first = await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) });
    expect(first).toMatchObject({ published: true, period: "2026-12-05t10" });
    // Other instances in the same hour find it there, even after more entries were written.
    await write(moving);
    expect(await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) })).toMatchObject({
      published: false,
      reason: "ALREADY_PUBLISHED",
    });
    const heads = await listed(root, "2026-12-05t10");
    expect(
      heads.filter(([patientId]) => patientId === moving || patientId === still).map(([patientId, sequence]) => [patientId, sequence]),
    ).toEqual(
      expect.arrayContaining([
        [moving, 2],
        [still, 3],
      ]),
    );

    // The next hour lists the chain that moved, and only it.
    expect(await publishHistoryCheckpoint(db, { storage, keyring, now: hour(1) })).toMatchObject({ published: true, chains: 1 });
    expect((await listed(root, "2026-12-05t11")).map(([patientId, sequence]) => [patientId, sequence])).toEqual([[moving, 3]]);
    // An hour where nothing moved leaves nothing behind.
    expect(await publishHistoryCheckpoint(db, { storage, keyring, now: hour(2) })).toMatchObject({
      published: false,
      reason: "NOTHING_CHANGED",
    });

    const state = await readHistoryCheckpoints(storage, keyring);
    expect(state).toMatchObject({ checkpoints: 2, latest: "2026-12-05t11", problems: [] });
    expect(state.heads.get(moving)).toMatchObject({ sequence: 3 });
  });

  it("works the same through the S3 driver: one object per hour, read back and verified", async () => {
    const server = await startS3TestServer();
    try {
      const storage = createS3Storage(server.storageOptions);
      const patientId = randomUUID();
      await write(patientId, 2);
      expect(await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) })).toMatchObject({ published: true });
      expect(await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) })).toMatchObject({
        published: false,
        reason: "ALREADY_PUBLISHED",
      });
      const state = await readHistoryCheckpoints(storage, keyring);
      expect(state).toMatchObject({ checkpoints: 1, latest: "2026-12-05t10", problems: [] });
      expect(state.heads.get(patientId)).toMatchObject({ sequence: 2 });
    } finally {
      await server.close();
    }
  });

  it("finds the newest entries deleted by the owner, and a whole chain deleted, through the checkpoint", async () => {
    const { storage } = await freshStorage();
    const [truncated, erased] = [randomUUID(), randomUUID()];
    await write(truncated, 4);
    await write(erased, 2);
    await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) });
    expect((await verdictsFor(storage, truncated, erased)).broken).toEqual([]);

    // What remains of the first chain is a perfectly valid chain of two: only the checkpoint knows better.
    await behindTheTriggers(async (tx) => {
      await tx.$executeRaw`DELETE FROM "HistoryEntry" WHERE "patientId" = ${truncated}::uuid AND sequence > 2`;
      await tx.$executeRaw`DELETE FROM "HistoryEntry" WHERE "patientId" = ${erased}::uuid`;
    });
    const { broken } = await verdictsFor(storage, truncated, erased);
    expect(broken).toEqual(
      expect.arrayContaining([
        { patientId: truncated, entries: 2, intact: false, brokenAtSequence: 3, problem: "TRUNCATED" },
        { patientId: erased, entries: 0, intact: false, brokenAtSequence: 1, problem: "CHAIN_DELETED" },
      ]),
    );
    expect(broken).toHaveLength(2);
  });

  it("is not fooled by a truncated chain that grew again: the checkpoint refuses it and the old head stands", async () => {
    const { storage } = await freshStorage();
    const patientId = randomUUID();
    await write(patientId, 3);
    await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) });
    await behindTheTriggers((tx) => tx.$executeRaw`DELETE FROM "HistoryEntry" WHERE "patientId" = ${patientId}::uuid AND sequence >= 2`);
    // The app goes on writing: sequences 2, 3 and 4 again, validly keyed, on top of what remains.
    await write(patientId, 3);
    const next = await publishHistoryCheckpoint(db, { storage, keyring, now: hour(1) });
    expect(next.refused).toBeGreaterThanOrEqual(1);
    expect((await readHistoryCheckpoints(storage, keyring)).heads.get(patientId)).toMatchObject({ sequence: 3 });
    expect((await verdictsFor(storage, patientId)).broken).toEqual([
      { patientId, entries: 2, intact: false, brokenAtSequence: 3, problem: "CHECKPOINT_MISMATCH" },
    ]);
  });

  it("reports an altered checkpoint and does not trust what it lists", async () => {
    const { root, storage } = await freshStorage();
    const patientId = randomUUID();
    await write(patientId, 3);
    await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) });
    // Lower the chain's head in the checkpoint, to make a later truncation look normal.
    const file = join(root, CHECKPOINT_PREFIX, "2026-12-05t10");
    const checkpoint = JSON.parse(await readFile(file, "utf8")) as { chains: [string, number, string][] };
    const head = checkpoint.chains.find(([id]) => id === patientId)!;
    const first = await db.historyEntry.findFirstOrThrow({ where: { patientId, sequence: 1 }, select: { hash: true } });
    head[1] = 1;
    head[2] = first.hash!;
    await writeFile(file, JSON.stringify(checkpoint));

    const { report } = await verdictsFor(storage, patientId);
    expect(report.checkpointProblems).toEqual([{ checkpoint: "2026-12-05t10", problem: "SIGNATURE" }]);
    expect((await readHistoryCheckpoints(storage, keyring)).heads.has(patientId)).toBe(false);
  });

  it("covers the plain SHA-256 entries written before the chain was keyed with the first checkpoint, and accepts none after", async () => {
    const { storage } = await freshStorage();
    const patientId = randomUUID();
    // Two entries as the app wrote them before this change: plain SHA-256, no key id.
    let previousHash = GENESIS_HASH;
    for (const sequence of [1, 2]) {
      const fields = {
        id: randomUUID(),
        patientId,
        sequence,
        actorId: null,
        actorRole: null,
        actorLabel: "Avant",
        action: "DOCUMENT_VIEWED" as const,
        documentId: null,
        documentTitle: null,
        details: null,
        ipAddress: null,
        createdAt: new Date(),
        previousHash,
      };
      previousHash = plainHistoryEntryHash(fields);
      await owner.historyEntry.create({ data: { ...fields, details: undefined, hash: previousHash } });
    }
    expect((await verdictsFor(storage, patientId)).broken).toEqual([
      { patientId, entries: 0, intact: false, brokenAtSequence: 1, problem: "UNKEYED" },
    ]);

    await publishHistoryCheckpoint(db, { storage, keyring, now: hour(0) });
    await write(patientId);
    expect((await verdictsFor(storage, patientId)).broken).toEqual([]);

    // A plain entry appended now is refused, however well it links.
    const fields = {
      id: randomUUID(),
      patientId,
      sequence: 4,
      actorId: null,
      actorRole: null,
      actorLabel: "Après",
      action: "DOCUMENT_VIEWED" as const,
      documentId: null,
      documentTitle: null,
      details: null,
      ipAddress: null,
      createdAt: new Date(),
      previousHash: (await db.historyEntry.findFirstOrThrow({ where: { patientId, sequence: 3 } })).hash!,
    };
    await owner.historyEntry.create({ data: { ...fields, details: undefined, hash: plainHistoryEntryHash(fields) } });
    expect((await verdictsFor(storage, patientId)).broken).toEqual([
      { patientId, entries: 3, intact: false, brokenAtSequence: 4, problem: "UNKEYED" },
    ]);
  });
});
