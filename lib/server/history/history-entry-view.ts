import "server-only";
import type { Db } from "@/lib/server/db";
import {
  accessBases,
  kindOfAction,
  type AccessBasisName,
  type HistoryAccess,
  type HistoryEntryView,
  type HistorySubject,
} from "@/lib/history/history-api";
import type { HistoryRow } from "./query-history-rows";

type Professional = { id: string; rpps: string; profession: string };

/** Professional records a page of entries names: its authors' (by account) and its decisions' subjects (by record). */
export type Professionals = { byUserId: Map<string, Professional>; byId: Map<string, Professional> };

function detailsOf(details: HistoryRow["details"]): Record<string, unknown> {
  return details && typeof details === "object" && !Array.isArray(details) ? details : {};
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * The professional records of the rows' professional authors, and of the professionals their
 * decisions concerned when the entry did not keep the profession (entries written before it did),
 * in at most two queries for the whole page.
 */
export async function professionalsOf(db: Pick<Db, "professional">, rows: HistoryRow[]): Promise<Professionals> {
  const userIds = [...new Set(rows.filter((row) => row.actorRole === "PROFESSIONAL" && row.actorId).map((row) => row.actorId!))];
  const ids = [
    ...new Set(
      rows.flatMap((row) => {
        const details = detailsOf(row.details);
        return text(details.professionalName) && !text(details.profession) && text(details.professionalId)
          ? [details.professionalId as string]
          : [];
      }),
    ),
  ];
  const select = { id: true, userId: true, rpps: true, profession: true } as const;
  const [authors, subjects] = await Promise.all([
    userIds.length ? db.professional.findMany({ where: { userId: { in: userIds } }, select }) : [],
    ids.length ? db.professional.findMany({ where: { id: { in: ids } }, select }) : [],
  ]);
  const record = (p: (typeof authors)[number]): Professional => ({ id: p.id, rpps: p.rpps, profession: p.profession });
  return { byUserId: new Map(authors.map((p) => [p.userId!, record(p)])), byId: new Map(subjects.map((p) => [p.id, record(p)])) };
}

/**
 * Whom a decision concerned, from the names the entry copied at the time: consent changes keep the
 * professional's id, name and RPPS (newer ones their profession too); app entries the app's name.
 */
function subjectOf(details: Record<string, unknown>, professionals: Professionals): HistorySubject | null {
  const professionalName = text(details.professionalName);
  const professionalId = text(details.professionalId);
  if (professionalName && professionalId) {
    const profession = text(details.profession) ?? professionals.byId.get(professionalId)?.profession ?? null;
    return { kind: "professional", id: professionalId, name: professionalName, profession, rpps: text(details.rpps) };
  }
  const appName = text(details.appName);
  return appName ? { kind: "app", name: appName } : null;
}

const scopes = ["ALL_VISIBLE", "CATEGORIES", "DOCUMENTS"] as const;

function accessOf(details: Record<string, unknown>): HistoryAccess | null {
  const scope = scopes.find((value) => value === details.scope);
  if (!scope) return null;
  return {
    scope,
    categories: Array.isArray(details.categories)
      ? details.categories.filter((category): category is string => typeof category === "string")
      : [],
    documentCount: typeof details.documentCount === "number" ? details.documentCount : 0,
    canAdd: details.canAdd === true,
    validUntil: text(details.validUntil),
  };
}

function settingOf(details: Record<string, unknown>): HistoryEntryView["setting"] {
  if (typeof details.emergencyAccessEnabled === "boolean") return { name: "emergencyAccess", enabled: details.emergencyAccessEnabled };
  if (typeof details.alertFirstAccessByEmail === "boolean") return { name: "firstAccessByEmail", enabled: details.alertFirstAccessByEmail };
  return null;
}

export function toHistoryEntryView(row: HistoryRow, professionals: Professionals): HistoryEntryView {
  const details = detailsOf(row.details);
  const basis = (accessBases as readonly unknown[]).includes(details.basis) ? (details.basis as AccessBasisName) : null;
  const reason = typeof details.reason === "string" ? details.reason : typeof details.ticket === "string" ? details.ticket : null;
  const fields = Array.isArray(details.fields) ? details.fields.filter((field): field is string => typeof field === "string") : null;
  const professional = row.actorId ? professionals.byUserId.get(row.actorId) : undefined;
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    action: row.action,
    kind: kindOfAction(row.action),
    actor: {
      id: row.actorId,
      label: row.actorLabel,
      role: row.actorRole,
      rpps: professional?.rpps ?? null,
      professionalId: professional?.id ?? null,
      profession: professional?.profession ?? null,
    },
    document: row.documentId && row.documentTitle !== null ? { id: row.documentId, title: row.documentTitle } : null,
    fields,
    ipAddress: row.ipAddress,
    basis,
    reason,
    emergency: row.action === "EMERGENCY_ACCESS" || basis === "EMERGENCY",
    subject: subjectOf(details, professionals),
    access: accessOf(details),
    setting: settingOf(details),
  };
}
