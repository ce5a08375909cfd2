import "server-only";
import type { DocumentCategory, GrantScope, RecordAuthorKind } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/policy/policy";
import {
  allOf,
  anyDocument,
  inCategories,
  noDocument,
  notBinned,
  notHidden,
  ownedBy,
  recordEntriesOf,
  withIds,
  type DocumentCondition,
  type RecordEntryCondition,
} from "./document-condition";

/**
 * The one decision about a patient's health data: who may read or add what, and on what basis. Pure:
 * it decides from facts loaded once (load-access-facts.ts), so the same rules serve pages, routes,
 * actions, downloads and the FHIR API, and the authorization matrix test can drive it from a table.
 * Deny by default: anything not allowed below is refused. visibleDocuments below is the same rule as
 * a filter, for the lists: both are built from the conditions of document-condition.ts.
 */

export type HealthResource =
  /** The list of the patient's documents (each row is then decided as a `document`). */
  | { kind: "documentList" }
  | { kind: "document"; document: DocumentFacts }
  | { kind: "download"; document: DocumentFacts }
  /** The health profile (allergies, treatments…): read like the visible documents. */
  | { kind: "profile" }
  /** The access history and the consent settings: the patient's alone. */
  | { kind: "history" }
  | { kind: "consent" }
  /** Measurements (weight, blood pressure…) written by connected apps: the patient's and those apps' (decide-app-access.ts). */
  | { kind: "measurements" }
  /** The entries of the "Profil médical" as a whole: read the list, add an entry. */
  | { kind: "recordEntries" }
  /** One entry of the profile: read it, write it (edit or delete: its author only), manage it (hide: the patient only). */
  | { kind: "recordEntry"; entry: RecordEntryFacts };

export type HealthAction = "read" | "add" | "manage";

/** What the rule reads of a profile entry: the columns every record table shares (prisma/schema.prisma). */
export type RecordEntryFacts = {
  hiddenFromProfessionals: boolean;
  authorKind: RecordAuthorKind;
  authorUserId: string | null;
};

export type DocumentFacts = { id: string; category: DocumentCategory; hiddenFromProfessionals: boolean; deletedAt: Date | null };

export type GrantFacts = {
  id: string;
  scope: GrantScope;
  categories: DocumentCategory[];
  documentIds: string[];
  canAdd: boolean;
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
};

export type AccessFacts = {
  patientId: string;
  now: Date;
  /** The actor's professional record, when they act as a professional. */
  professional: { id: string; emergencyStaff: boolean } | null;
  blocked: boolean;
  isTreatingDoctor: boolean;
  grant: GrantFacts | null;
  emergencyAccessEnabled: boolean;
  /** An unexpired break-glass access of this professional to this patient. */
  emergencyAccessId: string | null;
};

export type AccessBasis = "OWNER" | "TREATING_DOCTOR" | "CONSENT" | "EMERGENCY";

export type AccessDecision =
  | { allowed: true; basis: AccessBasis; grantId?: string; emergencyAccessId?: string }
  | { allowed: false; reason: "UNAUTHENTICATED" | "NOT_ALLOWED" | "BLOCKED" | "HIDDEN" | "OUT_OF_SCOPE" };

const deny = (reason: Extract<AccessDecision, { allowed: false }>["reason"]): AccessDecision => ({ allowed: false, reason });

export function isGrantActive(grant: GrantFacts | null, now: Date): grant is GrantFacts {
  return !!grant && !grant.revokedAt && grant.validFrom <= now && (!grant.validUntil || grant.validUntil > now);
}

/** The documents a grant covers (before the hidden flag and the bin, which no grant reaches). */
export function grantCoverage(grant: GrantFacts): DocumentCondition {
  switch (grant.scope) {
    case "ALL_VISIBLE":
      return anyDocument;
    case "CATEGORIES":
      return inCategories(grant.categories);
    case "DOCUMENTS":
      return withIds(grant.documentIds);
  }
}

/** Who is asking, before what they ask about: the owner, someone refused outright, or a professional and their bases. */
type Reader =
  | { kind: "owner" }
  | { kind: "refused"; reason: "UNAUTHENTICATED" | "NOT_ALLOWED" | "BLOCKED" }
  | { kind: "professional"; isTreatingDoctor: boolean; grant: GrantFacts | null; emergencyAccessId: string | null };

function readerOf(actor: Actor, facts: AccessFacts): Reader {
  if (!actor || actor.stage !== "FULL") return { kind: "refused", reason: "UNAUTHENTICATED" };
  if (actor.userId === facts.patientId && actor.roles.includes("PATIENT")) return { kind: "owner" };
  const professional = actor.roles.includes("PROFESSIONAL") ? facts.professional : null;
  if (!professional) return { kind: "refused", reason: "NOT_ALLOWED" };
  if (facts.blocked) return { kind: "refused", reason: "BLOCKED" };
  return {
    kind: "professional",
    isTreatingDoctor: facts.isTreatingDoctor,
    grant: isGrantActive(facts.grant, facts.now) ? facts.grant : null,
    emergencyAccessId:
      professional.emergencyStaff && facts.emergencyAccessEnabled && facts.emergencyAccessId ? facts.emergencyAccessId : null,
  };
}

/** Whether `actor` wrote this entry in person (an app's entries are its own, written through the FHIR API). */
function isAuthor(actor: Actor, entry: RecordEntryFacts): boolean {
  return !!actor && entry.authorKind !== "APP" && entry.authorUserId === actor.userId;
}

export function decideHealthAccess(actor: Actor, facts: AccessFacts, resource: HealthResource, action: HealthAction): AccessDecision {
  const reader = readerOf(actor, facts);
  if (resource.kind === "recordEntries" || resource.kind === "recordEntry") return decideRecordAccess(actor, reader, resource, action);
  // The owner reads and manages everything of their own, binned documents included.
  if (reader.kind === "owner") return { allowed: true, basis: "OWNER" };
  if (reader.kind === "refused") return deny(reader.reason);
  if (resource.kind === "history" || resource.kind === "consent" || resource.kind === "measurements" || action === "manage")
    return deny("NOT_ALLOWED");

  const { grant, emergencyAccessId: emergency } = reader;

  if (action === "add") {
    if (resource.kind !== "documentList") return deny("NOT_ALLOWED");
    if (reader.isTreatingDoctor) return { allowed: true, basis: "TREATING_DOCTOR" };
    if (grant?.canAdd) return { allowed: true, basis: "CONSENT", grantId: grant.id };
    return deny("NOT_ALLOWED");
  }

  // Reading. Hidden documents and the bin are never shown to a professional, whatever the basis.
  if (resource.kind === "document" || resource.kind === "download") {
    if (!notHidden.holds(resource.document)) return deny("HIDDEN");
    if (!notBinned.holds(resource.document)) return deny("NOT_ALLOWED");
  }
  if (reader.isTreatingDoctor) return { allowed: true, basis: "TREATING_DOCTOR" };
  if (grant) {
    const covered =
      resource.kind === "document" || resource.kind === "download"
        ? grantCoverage(grant).holds(resource.document)
        : resource.kind === "documentList" || grant.scope === "ALL_VISIBLE";
    if (covered) return { allowed: true, basis: "CONSENT", grantId: grant.id };
    if (!emergency) return deny("OUT_OF_SCOPE");
  }
  if (emergency) return { allowed: true, basis: "EMERGENCY", emergencyAccessId: emergency };
  return deny("NOT_ALLOWED");
}

/**
 * The patient's documents `actor` may read, as a filter: exactly those for which decideHealthAccess
 * allows reading the document (the property test checks it on random facts). The owner's include the
 * bin (the list then asks for the bin or the rest); a professional's, on whichever basis, never a
 * hidden or binned document, and under a consent alone only what it covers.
 */
export function visibleDocuments(actor: Actor, facts: AccessFacts): DocumentCondition {
  const reader = readerOf(actor, facts);
  const own = ownedBy(facts.patientId);
  if (reader.kind === "owner") return own;
  if (reader.kind === "refused") return noDocument;
  const basis = reader.isTreatingDoctor || reader.emergencyAccessId ? anyDocument : reader.grant ? grantCoverage(reader.grant) : noDocument;
  return allOf(own, notHidden, notBinned, basis);
}

/**
 * The "Profil médical" (issue 16). The owner reads everything and hides or shows any entry, but edits or
 * deletes only what they wrote: an entry says who wrote it, and a doctor's or an app's entry rewritten by
 * someone else would say something its author never did (the patient hides it instead). A professional
 * reads the non-hidden entries on the bases that open the profile: médecin traitant, a consent to ALL
 * visible documents, or emergency access. A consent to chosen CATEGORIES or DOCUMENTS does not: the
 * profile holds no category, and allergies or conditions say as much as any document, so only a consent
 * to everything visible covers it. A professional adds an entry when they may both read the profile and
 * add documents (médecin traitant, or an ALL_VISIBLE consent with adding): writing into a record one
 * cannot read would duplicate or contradict it unseen. They edit or delete only their own entries, on
 * the same condition, and never a hidden one (it is not theirs to see any more). Anyone else: refused.
 */
function decideRecordAccess(
  actor: Actor,
  reader: Reader,
  resource: Extract<HealthResource, { kind: "recordEntries" | "recordEntry" }>,
  action: HealthAction,
): AccessDecision {
  const entry = resource.kind === "recordEntry" ? resource.entry : null;
  if (reader.kind === "refused") return deny(reader.reason);
  if (reader.kind === "owner") {
    if (entry && action === "add" && !isAuthor(actor, entry)) return deny("NOT_ALLOWED");
    return { allowed: true, basis: "OWNER" };
  }
  if (action === "manage") return deny("NOT_ALLOWED");
  if (entry?.hiddenFromProfessionals) return deny("HIDDEN");
  const basis = profileReadBasis(reader);
  if (!basis.allowed) return basis;
  if (action === "read") return basis;
  // Adding (a new entry) or writing one: also the right to add documents, and for an entry, its authorship.
  if (entry && !isAuthor(actor, entry)) return deny("NOT_ALLOWED");
  if (reader.isTreatingDoctor) return { allowed: true, basis: "TREATING_DOCTOR" };
  if (reader.grant?.canAdd && basis.basis === "CONSENT") return basis;
  return deny("NOT_ALLOWED");
}

/** On what basis a professional reads the profile, if any (the `profile` resource's rule). */
function profileReadBasis(reader: Extract<Reader, { kind: "professional" }>): AccessDecision {
  if (reader.isTreatingDoctor) return { allowed: true, basis: "TREATING_DOCTOR" };
  if (reader.grant?.scope === "ALL_VISIBLE") return { allowed: true, basis: "CONSENT", grantId: reader.grant.id };
  if (reader.emergencyAccessId) return { allowed: true, basis: "EMERGENCY", emergencyAccessId: reader.emergencyAccessId };
  return deny(reader.grant ? "OUT_OF_SCOPE" : "NOT_ALLOWED");
}

/**
 * The profile entries `actor` may read, as a filter for any of the record tables: exactly the entries
 * for which decideHealthAccess allows reading (the matrix and the record services' tests hold both to
 * the same answer). The owner's are all of theirs; a professional's, the non-hidden ones, when a basis
 * opens the profile; anyone else's, none.
 */
export function visibleRecordEntries(actor: Actor, facts: AccessFacts): RecordEntryCondition {
  const reader = readerOf(actor, facts);
  if (reader.kind === "owner") return recordEntriesOf(facts.patientId, { includeHidden: true });
  if (reader.kind === "refused" || !profileReadBasis(reader).allowed) return recordEntriesOf(null);
  return recordEntriesOf(facts.patientId, { includeHidden: false });
}
