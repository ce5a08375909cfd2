import "server-only";
import type { Db } from "@/lib/server/db";
import { accessBases, kindOfAction, type AccessBasisName, type HistoryEntryView } from "@/lib/history/history-api";
import type { HistoryRow } from "./query-history-rows";

type Professionals = Map<string, { id: string; rpps: string; profession: string }>;

/** The professional records of the rows' professional authors, in one query for the whole page. */
export async function professionalsOf(db: Pick<Db, "professional">, rows: HistoryRow[]): Promise<Professionals> {
  const userIds = [...new Set(rows.filter((row) => row.actorRole === "PROFESSIONAL" && row.actorId).map((row) => row.actorId!))];
  if (userIds.length === 0) return new Map();
  const found = await db.professional.findMany({ where: { userId: { in: userIds } }, select: { id: true, userId: true, rpps: true, profession: true } });
  return new Map(found.map((p) => [p.userId!, { id: p.id, rpps: p.rpps, profession: p.profession }]));
}

function detailsOf(details: HistoryRow["details"]): Record<string, unknown> {
  return details && typeof details === "object" && !Array.isArray(details) ? details : {};
}

export function toHistoryEntryView(row: HistoryRow, professionals: Professionals): HistoryEntryView {
  const details = detailsOf(row.details);
  const basis = (accessBases as readonly unknown[]).includes(details.basis) ? (details.basis as AccessBasisName) : null;
  const reason = typeof details.reason === "string" ? details.reason : typeof details.ticket === "string" ? details.ticket : null;
  const fields = Array.isArray(details.fields) ? details.fields.filter((field): field is string => typeof field === "string") : null;
  const professional = row.actorId ? professionals.get(row.actorId) : undefined;
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    action: row.action,
    kind: kindOfAction(row.action),
    actor: { id: row.actorId, label: row.actorLabel, role: row.actorRole, rpps: professional?.rpps ?? null, professionalId: professional?.id ?? null, profession: professional?.profession ?? null },
    document: row.documentId && row.documentTitle !== null ? { id: row.documentId, title: row.documentTitle } : null,
    fields,
    ipAddress: row.ipAddress,
    basis,
    reason,
    emergency: row.action === "EMERGENCY_ACCESS" || basis === "EMERGENCY",
  };
}
