import "server-only";
import type { DocumentCategory, GrantScope } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/policy/policy";

/**
 * The one decision about a patient's health data: who may read or add what, and on what basis. Pure:
 * it decides from facts loaded once (load-access-facts.ts), so the same rules serve pages, routes,
 * actions, downloads and the FHIR API, and the authorization matrix test can drive it from a table.
 * Deny by default: anything not allowed below is refused.
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

function grantCovers(grant: GrantFacts, document: DocumentFacts): boolean {
  switch (grant.scope) {
    case "ALL_VISIBLE":
      return true;
    case "CATEGORIES":
      return grant.categories.includes(document.category);
    case "DOCUMENTS":
      return grant.documentIds.includes(document.id);
  }
}

export function decideHealthAccess(actor: Actor, facts: AccessFacts, resource: HealthResource, action: HealthAction): AccessDecision {
  if (!actor || actor.stage !== "FULL") return deny("UNAUTHENTICATED");

  if (actor.userId === facts.patientId && actor.roles.includes("PATIENT")) {
    // The owner reads and manages everything of their own, binned documents included.
    return { allowed: true, basis: "OWNER" };
  }

  const professional = actor.roles.includes("PROFESSIONAL") ? facts.professional : null;
  if (!professional) return deny("NOT_ALLOWED");
  if (facts.blocked) return deny("BLOCKED");
  if (resource.kind === "history" || resource.kind === "consent" || resource.kind === "measurements" || action === "manage") return deny("NOT_ALLOWED");

  const grant = isGrantActive(facts.grant, facts.now) ? facts.grant : null;
  const emergency = professional.emergencyStaff && facts.emergencyAccessEnabled && facts.emergencyAccessId ? facts.emergencyAccessId : null;

  if (action === "add") {
    if (resource.kind !== "documentList") return deny("NOT_ALLOWED");
    if (facts.isTreatingDoctor) return { allowed: true, basis: "TREATING_DOCTOR" };
    if (grant?.canAdd) return { allowed: true, basis: "CONSENT", grantId: grant.id };
    return deny("NOT_ALLOWED");
  }

  // Reading. Hidden documents and the bin are never shown to a professional, whatever the basis.
  if (resource.kind === "document" || resource.kind === "download") {
    if (resource.document.hiddenFromProfessionals) return deny("HIDDEN");
    if (resource.document.deletedAt) return deny("NOT_ALLOWED");
  }
  if (facts.isTreatingDoctor) return { allowed: true, basis: "TREATING_DOCTOR" };
  if (grant) {
    const covered = resource.kind === "document" || resource.kind === "download" ? grantCovers(grant, resource.document) : resource.kind === "documentList" || grant.scope === "ALL_VISIBLE";
    if (covered) return { allowed: true, basis: "CONSENT", grantId: grant.id };
    if (!emergency) return deny("OUT_OF_SCOPE");
  }
  if (emergency) return { allowed: true, basis: "EMERGENCY", emergencyAccessId: emergency };
  return deny("NOT_ALLOWED");
}
