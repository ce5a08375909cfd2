import "server-only";
import type { ConsentChange, DocumentCategory, GrantScope } from "@/lib/generated/prisma/client";
import { endOfParisDay, parisDay } from "@/lib/consent/paris-date";
import type { Db } from "@/lib/server/db";
import { isGrantActive } from "@/lib/server/access/decide-health-access";
import { AppError } from "@/lib/server/errors";
import { accessSnapshot, type AccessSnapshot } from "./consent-record";
import { grantTermsSelect } from "@/lib/server/access/load-access-facts";

/** Grant options checked against the patient's data, ready to write. */
export type CheckedGrant = {
  scope: GrantScope;
  categories: DocumentCategory[];
  documentIds: string[];
  canAdd: boolean;
  validUntil: Date | null;
};

/**
 * Refuses, before anything is written, an end date already past and documents that are not the
 * patient's own (someone else's, unknown, or in the bin) — naming the field, so the form shows it.
 */
export async function checkGrantOptions(
  db: Pick<Db, "document" | "professionalBlock">,
  {
    patientId,
    professionalId,
    options,
    now,
  }: { patientId: string; professionalId: string; options: Omit<CheckedGrant, "validUntil"> & { validUntil: string | null }; now: Date },
): Promise<CheckedGrant> {
  if (options.validUntil && options.validUntil < parisDay(now)) {
    throw new AppError("BAD_REQUEST", "validUntil is in the past.", { messageKey: "access.errors.validUntilPast", field: "validUntil" });
  }
  const blocked = await db.professionalBlock.findUnique({
    where: { patientId_professionalId: { patientId, professionalId } },
    select: { createdAt: true },
  });
  if (blocked) throw new AppError("CONFLICT", "The professional is blocked.", { messageKey: "access.errors.professionalBlocked" });
  const documentIds = options.scope === "DOCUMENTS" ? [...new Set(options.documentIds)] : [];
  if (documentIds.length) {
    const own = await db.document.count({ where: { id: { in: documentIds }, ownerId: patientId, deletedAt: null } });
    if (own !== documentIds.length)
      throw new AppError("BAD_REQUEST", "Documents not the patient's own.", {
        messageKey: "access.errors.documentsNotOwned",
        field: "documentIds",
      });
  }
  return {
    scope: options.scope,
    categories: options.scope === "CATEGORIES" ? [...new Set(options.categories)] : [],
    documentIds,
    canAdd: options.canAdd,
    validUntil: options.validUntil ? endOfParisDay(options.validUntil) : null,
  };
}

/**
 * Creates or changes the patient's one grant row for a professional, inside the caller's transaction.
 * A grant in force is CHANGED (keeping its start); an expired or revoked one starts again: GRANTED.
 */
export async function writeGrant(
  tx: Pick<Db, "accessGrant">,
  { patientId, professionalId, grant, now }: { patientId: string; professionalId: string; grant: CheckedGrant; now: Date },
): Promise<{
  change: Extract<ConsentChange, "GRANTED" | "CHANGED">;
  access: AccessSnapshot;
  previous: AccessSnapshot | null;
  grantId: string;
}> {
  const existing = await tx.accessGrant.findUnique({
    where: { patientId_professionalId: { patientId, professionalId } },
    select: grantTermsSelect,
  });
  const inForce = isGrantActive(existing, now);
  const validFrom = inForce ? existing!.validFrom : now;
  const columns = {
    scope: grant.scope,
    categories: grant.categories,
    documentIds: grant.documentIds,
    canAdd: grant.canAdd,
    validUntil: grant.validUntil,
    validFrom,
    revokedAt: null,
  };
  const row = await tx.accessGrant.upsert({
    where: { patientId_professionalId: { patientId, professionalId } },
    create: { patientId, professionalId, ...columns },
    update: columns,
    select: { id: true, scope: true, categories: true, documentIds: true, canAdd: true, validFrom: true, validUntil: true },
  });
  return {
    change: inForce ? "CHANGED" : "GRANTED",
    access: accessSnapshot(row),
    previous: inForce ? accessSnapshot(existing!) : null,
    grantId: row.id,
  };
}
