import "server-only";
import type { Db } from "@/lib/server/db";
import { verifyHistoryChain, type ChainVerdict } from "./verify-history-chain";

export type HistoryCheckReport = { patients: number; entries: number; broken: Extract<ChainVerdict, { intact: false }>[] };

/**
 * Recomputes every patient's chain, one patient at a time (flat memory whatever the table's size),
 * and reports the broken ones by id and sequence: what `npm run history:verify` prints, never health data.
 */
export async function verifyAllHistoryChains(db: Pick<Db, "historyEntry" | "$queryRaw">, { onPatient }: { onPatient?: (verdict: ChainVerdict) => void } = {}): Promise<HistoryCheckReport> {
  const report: HistoryCheckReport = { patients: 0, entries: 0, broken: [] };
  let after: string | null = null;
  for (;;) {
    const ids = await patientsWithHistory(db, { after, limit: 500 });
    for (const patientId of ids) {
      const verdict = await verifyHistoryChain(db, patientId);
      report.patients += 1;
      report.entries += verdict.entries;
      if (!verdict.intact) report.broken.push(verdict);
      onPatient?.(verdict);
    }
    if (ids.length < 500) return report;
    after = ids.at(-1)!;
  }
}

/** The next patients that have a history, in id order after `after`: a keyset served by the (patientId, sequence) unique index. */
export async function patientsWithHistory(db: Pick<Db, "$queryRaw">, { after, limit }: { after: string | null; limit: number }): Promise<string[]> {
  const rows: { patientId: string }[] = after
    ? await db.$queryRaw`SELECT DISTINCT "patientId" FROM "HistoryEntry" WHERE "patientId" > ${after}::uuid ORDER BY "patientId" LIMIT ${limit}`
    : await db.$queryRaw`SELECT DISTINCT "patientId" FROM "HistoryEntry" ORDER BY "patientId" LIMIT ${limit}`;
  return rows.map((row) => row.patientId);
}
