import "server-only";
import { getDb } from "@/lib/server/db";
import { repeatOnEveryInstance } from "@/lib/server/jobs/repeat-on-every-instance";
import { getStorage } from "@/lib/server/storage/get-storage";
import { publishHistoryCheckpoint } from "./publish-history-checkpoint";

/**
 * Started once per instance (instrumentation.ts): every 10 minutes, publishes the current hour's
 * checkpoint of the history chains' heads unless an instance already has (the object's name is the
 * hour, written create-only: one per hour whatever the number of instances). The first pass comes soon
 * after start, so that a deployment that keys the chain covers the older, plain entries at once.
 */
export function startHistoryCheckpoints(): void {
  repeatOnEveryInstance("history.checkpoint", { everyMs: 10 * 60 * 1000, firstAfterMs: 30 * 1000 }, async () => {
    const publication = await publishHistoryCheckpoint(getDb(), { storage: getStorage() });
    if (publication.published) return { chains: publication.chains, refused: publication.refused };
    return publication.refused > 0 ? { chains: 0, refused: publication.refused } : null;
  });
}
