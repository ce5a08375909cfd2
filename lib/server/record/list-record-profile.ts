import "server-only";
import type {
  RecordAllergy,
  RecordCondition,
  RecordContact,
  RecordDirective,
  RecordTreatment,
  RecordVaccination,
} from "@/lib/generated/prisma/client";
import { accessDetails, historyActorForAccess } from "@/lib/server/access/access-history";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import { decideHealthAccess, visibleRecordEntries } from "@/lib/server/access/decide-health-access";
import { recordProfessionalAccessNow } from "@/lib/server/access/record-professional-access";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { RECORD_KINDS, type RecordKind } from "@/lib/schemas/record-entry";
import { uuid } from "@/lib/schemas/boundary";
import { recordOrder, recordTable } from "./record-tables";

/** What the reader may do with an entry, decided by the rule (so a page shows only the forms that will pass). */
type Abilities = { canEdit: boolean; canHide: boolean };

export type RecordProfile = {
  condition: (RecordCondition & Abilities)[];
  allergy: (RecordAllergy & Abilities)[];
  treatment: (RecordTreatment & Abilities)[];
  vaccination: (RecordVaccination & Abilities)[];
  directive: (RecordDirective & Abilities)[];
  contact: (RecordContact & Abilities)[];
  /** Whether the reader may add entries. */
  canAdd: boolean;
  /** For the vaccination calendar: what is due depends on age. */
  birthDate: Date | null;
  /** The advance-directives documents the reader may see, to name the ones entries point at (and, for the patient, to choose one). */
  directiveDocuments: { id: string; title: string }[];
};

/**
 * A patient's "Profil médical", grouped by kind, as the reader may see it: all of it for the patient,
 * the non-hidden entries for a professional whose access opens the profile (the list's where is the
 * rule's own, visibleRecordEntries). A professional's read is in the patient's history before the data
 * leaves (PROFILE_VIEWED, appended unchained); the patient's own reads are not logged, as for documents.
 */
export async function listRecordProfile(ctx: SignedInCtx, input: { patientId: string }): Promise<RecordProfile> {
  const { db, actor, ip } = ctx;
  const patientId = uuid.parse(input.patientId);
  const access = await authorizeHealth(db, actor, patientId, { kind: "recordEntries" }, "read");
  const { where } = visibleRecordEntries(actor, access.facts);
  const [lists, patient, directiveDocuments] = await Promise.all([
    Promise.all(RECORD_KINDS.map((kind) => recordTable(db, kind).findMany({ where, orderBy: recordOrder(kind) }))),
    db.user.findUnique({ where: { id: patientId }, select: { birthDate: true } }),
    db.document.findMany({
      where: { AND: [access.visibleDocuments.where, { category: "ADVANCE_DIRECTIVES", deletedAt: null }] },
      orderBy: { documentDate: "desc" },
      select: { id: true, title: true },
    }),
  ]);

  if (access.basis !== "OWNER") {
    await recordProfessionalAccessNow(db, {
      patientId,
      actor: await historyActorForAccess(db, actor, access),
      action: "PROFILE_VIEWED",
      details: accessDetails(access),
      ipAddress: ip,
    });
  }

  const profile = {
    canAdd: decideHealthAccess(actor, access.facts, { kind: "recordEntries" }, "add").allowed,
    birthDate: patient?.birthDate ?? null,
    directiveDocuments,
  } as RecordProfile;
  RECORD_KINDS.forEach((kind: RecordKind, index) => {
    (profile as Record<RecordKind, unknown[]>)[kind] = lists[index]!.map((entry) => ({
      ...entry,
      canEdit: decideHealthAccess(actor, access.facts, { kind: "recordEntry", entry }, "add").allowed,
      canHide: decideHealthAccess(actor, access.facts, { kind: "recordEntry", entry }, "manage").allowed,
    }));
  });
  return profile;
}
