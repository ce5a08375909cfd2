import "server-only";
import type { HistoryAuthor } from "@/lib/history/history-api";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";

/**
 * Everyone with an account, other than the patient, who appears in the patient's history, under the
 * name of their latest entry: the choices of the history's author filter.
 */
export async function listHistoryAuthors({ db, actor }: SignedInCtx, { patientId }: { patientId: string }): Promise<HistoryAuthor[]> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "read");
  const rows = await db.$queryRaw<{ actorId: string; actorLabel: string; actorRole: string | null }[]>`
    SELECT DISTINCT ON ("actorId") "actorId", "actorLabel", "actorRole"
    FROM "HistoryEntry"
    WHERE "patientId" = ${patientId}::uuid AND "actorId" IS NOT NULL AND "actorId" <> ${patientId}::uuid
    ORDER BY "actorId", "createdAt" DESC`;
  return rows
    .map((row) => ({ id: row.actorId, label: row.actorLabel, role: row.actorRole }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));
}
