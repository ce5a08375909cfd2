import "server-only";
import type { DocumentCategory, GrantScope } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/policy/policy";
import {
  allOf,
  anyDocument,
  inCategories,
  noDocument,
  notBinned,
  notHidden,
  ownedBy,
  withIds,
  type DocumentCondition,
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
  | { kind: "measurements" };

export type HealthAction = "read" | "add" | "manage";

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

export function decideHealthAccess(actor: Actor, facts: AccessFacts, resource: HealthResource, action: HealthAction): AccessDecision {
  const reader = readerOf(actor, facts);
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
