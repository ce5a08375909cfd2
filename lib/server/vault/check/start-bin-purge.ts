import "server-only";
import { getDb } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { getStorage } from "@/lib/server/storage/get-storage";
import { purgeExpiredBin } from "./purge-expired-bin";

const PURGE_EVERY_MS = 60 * 60 * 1000;
/** The first pass waits a little, so that it does not compete with a fresh instance's first requests. */
const FIRST_PASS_AFTER_MS = 60 * 1000;

/**
 * Started once per instance (instrumentation.ts): empties the bin of documents binned more than 30
 * days ago, every hour. Every instance runs it; each document is claimed with SKIP LOCKED and
 * re-checked under the lock (purge-binned-document.ts), so instances never purge one twice and there
 * is no leader to elect. `npm run vault:check -- --repair` does the same on demand.
 */
export function startBinPurgePass(): void {
  let running = false;
  const pass = () => {
    // An hour is plenty for a pass; if one is still going, the next would only contend with it.
    if (running) return;
    running = true;
    purgeExpiredBin({ db: getDb(), storage: getStorage() })
      .then((result) => {
        if (result.due > 0) logger.info({ event: "vault.bin_purge.done", due: result.due, purged: result.purged.count, blobsLeft: result.blobsLeft.count }, "bin purge pass");
      })
      .catch((error: unknown) => {
        logger.warn({ event: "vault.bin_purge.failed", errorClass: error instanceof Error ? error.name : "unknown" }, "bin purge pass failed");
      })
      .finally(() => {
        running = false;
      });
  };
  setTimeout(pass, FIRST_PASS_AFTER_MS).unref();
  setInterval(pass, PURGE_EVERY_MS).unref();
}
