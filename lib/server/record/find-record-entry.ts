import "server-only";
import { authorizeHealth, type AllowedAccess } from "@/lib/server/access/authorize-health";
import type { HealthAction, RecordEntryFacts } from "@/lib/server/access/decide-health-access";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import type { RecordKind } from "@/lib/schemas/record-entry";
import { recordTable } from "./record-tables";

export type FoundRecordEntry = RecordEntryFacts & { id: string; patientId: string };

/**
 * One entry and the decision about it: NOT_FOUND when it does not exist or `actor` may not do `action`
 * to it (someone else's entry, or a hidden one, looks like one that does not exist).
 */
export async function findRecordEntry(
  db: Db,
  actor: Actor,
  { kind, entryId }: { kind: RecordKind; entryId: string },
  action: HealthAction,
): Promise<{ entry: FoundRecordEntry; access: AllowedAccess }> {
  const row = (await recordTable(db, kind).findUnique({
    where: { id: entryId },
    select: { id: true, patientId: true, hiddenFromProfessionals: true, authorKind: true, authorUserId: true },
  })) as FoundRecordEntry | null;
  if (!row) throw new AppError("NOT_FOUND");
  const access = await authorizeHealth(db, actor, row.patientId, { kind: "recordEntry", entry: row }, action);
  return { entry: row, access };
}
