import "server-only";
import { getDb } from "@/lib/server/db";
import { repeatOnEveryInstance } from "@/lib/server/jobs/repeat-on-every-instance";
import { runHistoryChainChecks } from "./history-chain-check";

/**
 * Started once per instance (instrumentation.ts): every 30 seconds, takes up a history chain check
 * that waits or whose run stopped (history-chain-check.ts).
 */
export function startHistoryChainChecks(): void {
  repeatOnEveryInstance("history.chain_check", { everyMs: 30 * 1000, firstAfterMs: 20 * 1000 }, async () => {
    const finished = await runHistoryChainChecks(getDb());
    return finished > 0 ? { finished } : null;
  });
}
