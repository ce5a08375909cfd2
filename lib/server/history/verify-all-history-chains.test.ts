import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { recordHistory } from "./record-history";
import { verifyAllHistoryChains } from "./verify-all-history-chains";

describe("verifying every patient's history", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();
  const storage = createLocalStorage({ root: mkdtempSync(join(tmpdir(), "verify-all-")) });

  it("reports each broken chain by patient and sequence, and the intact ones in the counts", async () => {
    const intact = randomUUID();
    const tampered = randomUUID();
    const actor = { userId: null, role: null, label: "Test" };
    await db.$transaction((tx) =>
      recordHistory(tx, [
        { patientId: intact, actor, action: "DOCUMENT_VIEWED" },
        { patientId: tampered, actor, action: "DOCUMENT_VIEWED" },
        { patientId: tampered, actor, action: "DOCUMENT_VIEWED" },
      ]),
    );
    await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`);
      await tx.$executeRaw`UPDATE "HistoryEntry" SET "actorLabel" = 'Quelqu''un' WHERE "patientId" = ${tampered}::uuid AND sequence = 2`;
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" ENABLE TRIGGER "HistoryEntry_append_only"`);
    });
    const seen: string[] = [];
    const report = await verifyAllHistoryChains(db, { storage, onPatient: (verdict) => seen.push(verdict.patientId) });
    expect(seen).toEqual(expect.arrayContaining([intact, tampered]));
    expect(report.patients).toBe(seen.length);
    expect(report.broken.filter((verdict) => verdict.patientId === intact || verdict.patientId === tampered)).toEqual([
      { patientId: tampered, entries: 1, intact: false, brokenAtSequence: 2, problem: "HASH" },
    ]);
  });
});
