import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/server/db";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import { historySeal } from "./history-hash";
import { historyFields, type HistoryEvent } from "./record-history";

/**
 * Appends read events to patients' histories without the chain's lock: one INSERT of unchained rows
 * (no sequence, no previous hash), each sealed with an HMAC of its content under the current history
 * key. The rows are in the patient's history at once (the history lists by time, not by sequence);
 * the history.chain_reads pass (chain-pending-history.ts) links them into the chain shortly after, in
 * the order they were read. So a read never waits for another read of the same patient, while a write
 * of health data still extends the chain in its own transaction (recordHistory). The row commits
 * before the data leaves, as before: no entry, no data. Returns the new entries' ids.
 */
export async function appendReadHistory(
  db: Pick<Db | Tx, "historyEntry">,
  events: HistoryEvent | HistoryEvent[],
  { keyring = getHistoryKeyring() }: { keyring?: HistoryKeyring } = {},
): Promise<string[]> {
  const list = Array.isArray(events) ? events : [events];
  const createdAt = new Date();
  const rows = list.map((event) => {
    const fields = historyFields(event, { id: randomUUID(), createdAt, hashKeyId: keyring.current.id });
    return { ...fields, details: fields.details ?? undefined, seal: historySeal(fields, keyring.current.chainKey) };
  });
  await db.historyEntry.createMany({ data: rows });
  return rows.map((row) => row.id);
}
