import "server-only";
import type { ConsentChange, GrantScope, DocumentCategory, HistoryAction, Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { recordHistory } from "@/lib/server/history/record-history";
import { professionalName, type ConsentPatient, type ProfessionalSummary } from "./consent-context";

/** What a grant allowed at one moment, as a receipt and the history keep it (no document titles). */
export type AccessSnapshot = {
  scope: GrantScope;
  categories: DocumentCategory[];
  documentIds: string[];
  canAdd: boolean;
  validFrom: string;
  validUntil: string | null;
};

/** A break-glass access that a decision ended: the professional's stated reason, when it opened, until when it would have run. */
export type EmergencySnapshot = { id: string; reason: string; openedAt: string; plannedUntil: string };

export function emergencySnapshot(access: { id: string; reason: string; createdAt: Date; expiresAt: Date }): EmergencySnapshot {
  return { id: access.id, reason: access.reason, openedAt: access.createdAt.toISOString(), plannedUntil: access.expiresAt.toISOString() };
}

/** The receipt's content: a copy of the decision as it stood, so it outlives later changes. */
export type ReceiptSnapshot = {
  version: 1;
  change: ConsentChange;
  professional: Omit<ProfessionalSummary, "emergencyStaff">;
  /** The access in force after the change (GRANTED, CHANGED), or the one that ended (REVOKED, BLOCKED). */
  access: AccessSnapshot | null;
  /** Before a CHANGED, what it replaced. */
  previous: AccessSnapshot | null;
  /** When an access ended (REVOKED, EMERGENCY_ACCESS_ENDED, or BLOCKED with an access in force). */
  endedAt: string | null;
  /** The emergency accesses this decision ended (absent from receipts written before they could be ended). */
  emergency?: EmergencySnapshot[];
  /** The access request this decision answered, if any. */
  requestId: string | null;
  decidedBy: { userId: string | null; label: string };
  decidedAt: string;
};

type GrantRow = {
  scope: GrantScope;
  categories: DocumentCategory[];
  documentIds: string[];
  canAdd: boolean;
  validFrom: Date;
  validUntil: Date | null;
};

export function accessSnapshot(grant: GrantRow): AccessSnapshot {
  return {
    scope: grant.scope,
    categories: grant.categories,
    documentIds: grant.documentIds,
    canAdd: grant.canAdd,
    validFrom: grant.validFrom.toISOString(),
    validUntil: grant.validUntil?.toISOString() ?? null,
  };
}

/** The history's facts about an access: its scope in codes and counts, never a document's title. */
function accessDetails(access: AccessSnapshot | null): Prisma.InputJsonObject {
  if (!access) return {};
  return {
    scope: access.scope,
    categories: access.categories,
    documentCount: access.documentIds.length,
    canAdd: access.canAdd,
    validUntil: access.validUntil,
  };
}

/**
 * Writes, inside the caller's transaction, the history entry of a consent change and (when the change
 * has one) its receipt: with the change, or not at all.
 */
export async function recordConsentChange(
  tx: Pick<Tx, "$executeRaw" | "historyEntry" | "consentReceipt">,
  event: {
    patient: ConsentPatient;
    action: HistoryAction;
    professional: ProfessionalSummary;
    details?: Prisma.InputJsonObject;
    receipt?: {
      change: ConsentChange;
      access?: AccessSnapshot | null;
      previous?: AccessSnapshot | null;
      endedAt?: Date | null;
      requestId?: string | null;
      emergency?: EmergencySnapshot[];
    };
    now: Date;
  },
): Promise<string | null> {
  const { patient, professional, receipt, now } = event;
  const { historyActor } = patient;
  await recordHistory(tx, {
    patientId: patient.patientId,
    actor: historyActor,
    action: event.action,
    details: {
      professionalId: professional.id,
      professionalName: professionalName(professional),
      profession: professional.profession,
      rpps: professional.rpps,
      ...accessDetails(receipt?.access ?? null),
      ...event.details,
    },
    ipAddress: patient.ipAddress,
  });
  if (!receipt) return null;
  const { emergencyStaff: _emergencyStaff, ...who } = professional;
  const snapshot: ReceiptSnapshot = {
    version: 1,
    change: receipt.change,
    professional: who,
    access: receipt.access ?? null,
    previous: receipt.previous ?? null,
    endedAt: receipt.endedAt?.toISOString() ?? null,
    emergency: receipt.emergency ?? [],
    requestId: receipt.requestId ?? null,
    decidedBy: { userId: historyActor.userId, label: historyActor.label },
    decidedAt: now.toISOString(),
  };
  const row = await tx.consentReceipt.create({
    data: { patientId: patient.patientId, professionalId: professional.id, change: receipt.change, snapshot, createdAt: now },
    select: { id: true },
  });
  return row.id;
}
