import "server-only";
import { getDb } from "@/lib/server/db";
import { repeatOnEveryInstance } from "@/lib/server/jobs/repeat-on-every-instance";
import { getStorage } from "@/lib/server/storage/get-storage";
import { purgeExpiredBin } from "./purge-expired-bin";

/**
 * Started once per instance (instrumentation.ts): empties the bin of documents binned more than 30
 * days ago, every hour. Each document is claimed with SKIP LOCKED and re-checked under the lock
 * (purge-binned-document.ts), so instances never purge one twice. `npm run vault:check -- --repair`
 * does the same on demand.
 */
export function startBinPurgePass(): void {
  repeatOnEveryInstance("vault.bin_purge", { everyMs: 60 * 60 * 1000, firstAfterMs: 60 * 1000 }, async () => {
    const result = await purgeExpiredBin({ db: getDb(), storage: getStorage() });
    return result.due > 0 ? { due: result.due, purged: result.purged.count, blobsLeft: result.blobsLeft.count } : null;
  });
}
