import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { unwrapDocumentKey } from "@/lib/server/crypto/document-keys";
import { DecryptionError } from "@/lib/server/crypto/encryption";
import { digestDecrypted } from "@/lib/server/crypto/stream-encryption";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { CHECKPOINT_PREFIX } from "@/lib/server/history/history-checkpoints";
import { logger } from "@/lib/server/logger";
import type { BlobStorage, StoredBlob } from "@/lib/server/storage/blob-storage";
import { addTo, cappedList, type CappedList } from "./capped-list";
import { purgeExpiredBin } from "./purge-expired-bin";

/** A temporary file untouched for this long belongs to an upload that will never finish. */
export const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/**
 * An unreferenced blob younger than this may be an upload between `putFile` and its commit (or a
 * deletion between its commit and the blob's removal): it is left alone.
 */
export const ORPHAN_GRACE_MS = 15 * 60 * 1000;

const PAGE = 500;
/** Files re-hashed at once: enough to hide S3's latency, few enough to keep memory and disk calm. */
const REHASH_CONCURRENCY = 4;

export type CheckVaultInput = {
  masterKey: Buffer;
  /** false: report only. true: remove stale temporaries and old orphans, purge the expired bin. */
  repair: boolean;
  orphanGraceMs?: number;
};

/**
 * What a check found: counts, storage keys and document ids only, never a title, a file name or any
 * other health data, so it may be printed, logged or sent to an operator as is.
 */
export type VaultCheckReport = {
  repair: boolean;
  driver: BlobStorage["driver"];
  staleTemporaries: { found: number; removed: number };
  blobs: { checked: number };
  /** Storage keys of blobs no document references, older than the grace period. */
  orphanBlobs: { found: CappedList; removed: CappedList; inGracePeriod: number };
  documents: { checked: number };
  /** Document ids whose blob is gone: not repairable here (restore it from a backup of the storage). */
  missingBlobs: CappedList;
  /**
   * Document ids whose stored file was altered: it fails GCM authentication (a changed or truncated
   * byte), or decrypts to a size or SHA-256 other than the recorded ones.
   */
  contentMismatches: CappedList;
  /** Document ids whose data key does not unwrap: a wrong MASTER_KEY, or a damaged row. */
  decryptFailures: CappedList;
  /** Document ids whose file could not be read for another reason (storage unreachable, I/O error). */
  readFailures: CappedList;
  /** Documents in the bin for more than 30 days: permanently deleted when repairing. */
  bin: { due: number; purged: CappedList; blobsLeft: CappedList };
  /** What still needs someone's attention after this run; vault:check exits 1 when it is not 0. */
  problemsRemaining: number;
};

/**
 * Reconciles the vault's storage with its database after crashes (see blob-storage.ts for the order
 * that makes every crash leave only a stale temporary or an unreferenced blob) and detects outside
 * damage (a missing or altered file). Streams everything: blobs and documents are read page by
 * page, files are re-hashed through `digestDecrypted`, so memory stays flat whatever the vault's size.
 *
 * Safe to run while the app serves: an upload in flight is protected by the grace period, an orphan
 * is re-checked against the database just before it is deleted, and a blob reported missing is
 * re-checked against its row (a document deleted during the check is not damage).
 */
export async function checkVault(
  ctx: Ctx,
  { masterKey, repair, orphanGraceMs = ORPHAN_GRACE_MS }: CheckVaultInput,
): Promise<VaultCheckReport> {
  const { db, storage } = ctx;
  const now = ctx.now();
  const report: VaultCheckReport = {
    repair,
    driver: storage.driver,
    staleTemporaries: { found: 0, removed: 0 },
    blobs: { checked: 0 },
    orphanBlobs: { found: cappedList(), removed: cappedList(), inGracePeriod: 0 },
    documents: { checked: 0 },
    missingBlobs: cappedList(),
    contentMismatches: cappedList(),
    decryptFailures: cappedList(),
    readFailures: cappedList(),
    bin: { due: 0, purged: cappedList(), blobsLeft: cappedList() },
    problemsRemaining: 0,
  };

  // listStaleTemporaries measures age from the real clock; shift the threshold so `now` decides.
  const staleAfter = Math.max(0, STALE_TEMPORARY_MS - (now.getTime() - Date.now()));
  for (const temporary of await storage.listStaleTemporaries(staleAfter)) {
    report.staleTemporaries.found += 1;
    if (!repair) continue;
    if (await attempt("vault.check.temporaryNotRemoved", () => storage.removeTemporary(temporary.path)))
      report.staleTemporaries.removed += 1;
  }

  // Before the orphan scan, so that the blobs it leaves behind (a failed delete) are found in this run.
  report.bin = await purgeExpiredBin(ctx, { repair });

  await findOrphans({ db, storage, repair, cutoff: now.getTime() - orphanGraceMs, report });
  await checkDocuments({ db, storage, masterKey, report });

  const orphansLeft = report.orphanBlobs.found.count - report.orphanBlobs.removed.count;
  const temporariesLeft = report.staleTemporaries.found - report.staleTemporaries.removed;
  report.problemsRemaining =
    orphansLeft +
    temporariesLeft +
    report.missingBlobs.count +
    report.contentMismatches.count +
    report.decryptFailures.count +
    report.readFailures.count;
  logger.info(
    {
      event: "vault.check.done",
      repair,
      orphans: report.orphanBlobs.found.count,
      orphansRemoved: report.orphanBlobs.removed.count,
      staleTemporaries: report.staleTemporaries.found,
      missingBlobs: report.missingBlobs.count,
      contentMismatches: report.contentMismatches.count,
      decryptFailures: report.decryptFailures.count,
      readFailures: report.readFailures.count,
      binPurged: report.bin.purged.count,
      problemsRemaining: report.problemsRemaining,
    },
    "Vault check finished.",
  );
  return report;
}

type Step = { db: Db; storage: BlobStorage; report: VaultCheckReport };

async function findOrphans({ db, storage, repair, cutoff, report }: Step & { repair: boolean; cutoff: number }): Promise<void> {
  let page: StoredBlob[] = [];
  const flush = async () => {
    const keys = page.map((blob) => blob.key);
    const referenced = new Set(
      (await db.document.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } })).map((row) => row.storageKey),
    );
    for (const blob of page) {
      if (referenced.has(blob.key)) continue;
      if (blob.modifiedAt.getTime() > cutoff) {
        report.orphanBlobs.inGracePeriod += 1;
        continue;
      }
      addTo(report.orphanBlobs.found, blob.key);
      if (!repair) continue;
      // Checked again at the last moment: never delete a file a row has come to reference.
      if ((await db.document.count({ where: { storageKey: blob.key } })) > 0) continue;
      if (await attempt("vault.check.orphanNotRemoved", () => storage.delete(blob.key))) addTo(report.orphanBlobs.removed, blob.key);
    }
    page = [];
  };
  for await (const blob of storage.list()) {
    // The history's signed checkpoints share the store; they are no document's file.
    if (blob.key.startsWith(`${CHECKPOINT_PREFIX}/`)) continue;
    report.blobs.checked += 1;
    page.push(blob);
    if (page.length >= PAGE) await flush();
  }
  if (page.length > 0) await flush();
}

type DocumentFile = {
  id: string;
  storageKey: string | null;
  wrappedKey: Uint8Array | null;
  sizeBytes: number | null;
  sha256: string | null;
};

async function checkDocuments({ db, storage, masterKey, report }: Step & { masterKey: Buffer }): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows: DocumentFile[] = await db.document.findMany({
      where: { storageKey: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, storageKey: true, wrappedKey: true, sizeBytes: true, sha256: true },
    });
    await forEachConcurrently(rows, REHASH_CONCURRENCY, (row) => checkDocument({ db, storage, masterKey, report, row }));
    report.documents.checked += rows.length;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

async function checkDocument({ db, storage, masterKey, report, row }: Step & { masterKey: Buffer; row: DocumentFile }): Promise<void> {
  const storageKey = row.storageKey!;
  let key: Buffer;
  try {
    if (!row.wrappedKey) throw new DecryptionError("No wrapped key.");
    key = unwrapDocumentKey(row.wrappedKey, { documentId: row.id, masterKey });
  } catch {
    addTo(report.decryptFailures, row.id);
    return;
  }
  try {
    const digest = await digestDecrypted(await storage.openRead(storageKey), { key, aad: `document-file:${row.id}` });
    if (digest.size !== row.sizeBytes || digest.sha256 !== row.sha256) addTo(report.contentMismatches, row.id);
  } catch (error) {
    // The data key unwrapped, so the key is right: a failed tag means the stored bytes changed.
    if (error instanceof DecryptionError) return addTo(report.contentMismatches, row.id);
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      // Deleted (row, then blob) while we looked: not damage.
      const stillReferenced = await db.document.count({ where: { id: row.id, storageKey } });
      if (stillReferenced > 0) addTo(report.missingBlobs, row.id);
      return;
    }
    logger.warn(
      { event: "vault.check.readFailed", documentId: row.id, errorName: error instanceof Error ? error.name : "unknown" },
      "Stored file not readable.",
    );
    addTo(report.readFailures, row.id);
  } finally {
    key.fill(0);
  }
}

/** A repair that fails is left counted as a remaining problem; the check goes on with the rest. */
async function attempt(event: string, repair: () => Promise<void>): Promise<boolean> {
  try {
    await repair();
    return true;
  } catch (error) {
    logger.warn({ event, errorName: error instanceof Error ? error.name : "unknown" }, "Repair failed.");
    return false;
  }
}

async function forEachConcurrently<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
