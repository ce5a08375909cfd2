import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { addTo, cappedList, type CappedList } from "./capped-list";
import { purgeBinnedDocument } from "./purge-binned-document";

/** How long a document stays in the bin before it is permanently deleted (the bin's promise to people). */
export const BIN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const PAGE = 500;

export type PurgeExpiredBinInput = {
  /** false: only count what is due (vault:check without --repair). */
  repair?: boolean;
};

export type PurgeExpiredBinResult = {
  /** Documents binned for longer than the retention period when the pass looked. */
  due: number;
  /** Document ids. */
  purged: CappedList;
  /** Purged, but the blob could not be deleted (left to vault:check as an orphan). */
  blobsLeft: CappedList;
};

/**
 * Permanently deletes every document in the bin for longer than BIN_RETENTION_MS, one document per
 * transaction (purge-binned-document.ts), paging by id so memory stays flat. Several instances may
 * run it at once: a document another one is purging is skipped, never deleted twice.
 */
export async function purgeExpiredBin(ctx: Ctx, { repair = true }: PurgeExpiredBinInput = {}): Promise<PurgeExpiredBinResult> {
  const binnedBefore = new Date(ctx.now().getTime() - BIN_RETENTION_MS);
  const result: PurgeExpiredBinResult = { due: 0, purged: cappedList(), blobsLeft: cappedList() };
  let after: string | undefined;
  for (;;) {
    const page = await ctx.db.document.findMany({
      where: { deletedAt: { lt: binnedBefore }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true },
    });
    for (const { id } of page) {
      result.due += 1;
      if (!repair) continue;
      const outcome = await purgeBinnedDocument(ctx, { documentId: id, binnedBefore });
      if (!outcome.purged) continue;
      addTo(result.purged, id);
      if (outcome.storageKey && !outcome.blobDeleted) addTo(result.blobsLeft, id);
    }
    if (page.length < PAGE) return result;
    after = page[page.length - 1].id;
  }
}
