import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKPOINT_PREFIX } from "@/lib/server/history/history-checkpoints";
import { publishHistoryCheckpoint } from "@/lib/server/history/publish-history-checkpoint";
import { recordHistory } from "@/lib/server/history/record-history";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { testCtx } from "@/lib/testing/ctx";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { getLatestHistoryChainCheck, requestHistoryChainCheck, runHistoryChainChecks } from "./history-chain-check";

describe("the admin's history chain check, against the signed checkpoints", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();

  it("reports chains cut short or deleted since their checkpoint, and an altered checkpoint, by ids only", async () => {
    const root = mkdtempSync(join(tmpdir(), "chain-check-"));
    const storage = createLocalStorage({ root });
    const user = await db.user.create({
      data: { email: `chain-check-${randomUUID()}@test.localhost`, firstName: "Ada", lastName: "Admin", roles: ["ADMIN"] },
      select: { id: true },
    });
    const admin: StaffActor = {
      userId: user.id,
      role: "ADMIN",
      label: "Ada Admin",
      actor: { userId: user.id, roles: ["ADMIN"], stage: "FULL", hasConfirmedFactor: true },
    };
    const [cut, erased, later] = [randomUUID(), randomUUID(), randomUUID()];
    const actor = { userId: null, role: null, label: "Test" };
    const write = (patientId: string, count: number) =>
      db.$transaction((tx) =>
        recordHistory(
          tx,
          Array.from({ length: count }, () => ({ patientId, actor, action: "DOCUMENT_VIEWED" as const })),
        ),
      );
    await write(cut, 3);
    await write(erased, 2);
    await publishHistoryCheckpoint(db, { storage, now: new Date(Date.UTC(2026, 11, 5, 10, 5)) });
    await write(later, 1);
    await publishHistoryCheckpoint(db, { storage, now: new Date(Date.UTC(2026, 11, 5, 11, 5)) });
    const second = join(root, CHECKPOINT_PREFIX, "2026-12-05t11");
    // Its time moved back an hour, as if to pass it off as older: the signature no longer holds.
    writeFileSync(
      second,
      JSON.stringify({ ...JSON.parse(readFileSync(second, "utf8")), takenAt: new Date(Date.UTC(2026, 11, 5, 9)).toISOString() }),
    );

    await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`);
      await tx.$executeRaw`DELETE FROM "HistoryEntry" WHERE "patientId" = ${cut}::uuid AND sequence > 1`;
      await tx.$executeRaw`DELETE FROM "HistoryEntry" WHERE "patientId" = ${erased}::uuid`;
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" ENABLE TRIGGER "HistoryEntry_append_only"`);
    });

    await requestHistoryChainCheck(testCtx(db), { staff: admin });
    await runHistoryChainChecks(testCtx(db, { storage }));
    const result = (await getLatestHistoryChainCheck(testCtx(db), { staff: admin }))!;
    expect(result.running).toBe(false);
    expect(result.broken).toEqual(
      expect.arrayContaining([
        { patientId: cut, sequence: 2, problem: "TRUNCATED" },
        { patientId: erased, sequence: 1, problem: "CHAIN_DELETED" },
        { patientId: null, sequence: null, problem: "CHECKPOINT_SIGNATURE", checkpoint: "2026-12-05t11" },
      ]),
    );
    expect(result.broken.some((chain) => chain.patientId === later)).toBe(false);
    const entry = await db.staffAuditEntry.findFirstOrThrow({
      where: { actorId: admin.userId, action: "HISTORY_CHAINS_VERIFIED" },
      orderBy: { createdAt: "desc" },
      select: { details: true },
    });
    expect((entry.details as { brokenChains: string[] }).brokenChains).toEqual(
      expect.arrayContaining([`${cut}#2`, `${erased}#1`, "checkpoint 2026-12-05t11"]),
    );
  });
});
