import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { scopesAllow, type FhirInteraction } from "@/lib/oauth/smart-scopes";
import type { DocumentFacts, HealthAction, HealthResource } from "./decide-health-access";
import { allOf, inCategories, noDocument, notBinned, notHidden, ownedBy, type DocumentCondition } from "./document-condition";

/**
 * The connected apps' branch of the authorization module: what a valid access token (see
 * verify-access-token.ts) lets an app read or add, decided from the token's facts alone. Pure, like
 * decideHealthAccess, and deny by default. An app only ever sees its own patient, within its scopes,
 * and of the documents only the categories the patient ticked: never a hidden document nor the bin.
 * appVisibleDocuments is the same rule as a filter, for the FHIR search.
 */

/** What the token says: whose data, which SMART scopes, which document categories. */
export type AppFacts = { patientId: string; scopes: readonly string[]; categories: readonly DocumentCategory[] };

export type AppAccessDecision =
  | { allowed: true; basis: "APP" }
  | { allowed: false; reason: "OTHER_PATIENT" | "INSUFFICIENT_SCOPE" | "CATEGORY" | "HIDDEN" | "BINNED" | "NOT_ALLOWED" };

const deny = (reason: Extract<AppAccessDecision, { allowed: false }>["reason"]): AppAccessDecision => ({ allowed: false, reason });

/** The FHIR resource type and interaction a resource and action stand for, or null: never for an app. */
function requiredScope(kind: HealthResource["kind"], action: HealthAction): [string, FhirInteraction] | null {
  if (action === "read") {
    switch (kind) {
      case "profile":
        return ["Patient", "read"];
      case "documentList":
        return ["DocumentReference", "search"];
      case "document":
      case "download":
        return ["DocumentReference", "read"];
      case "measurements":
        return ["Observation", "search"];
      default:
        return null;
    }
  }
  if (action === "add" && kind === "measurements") return ["Observation", "create"];
  return null;
}

function documentRefusal(document: DocumentFacts, categories: readonly DocumentCategory[]): AppAccessDecision | null {
  if (!notHidden.holds(document)) return deny("HIDDEN");
  if (!notBinned.holds(document)) return deny("BINNED");
  if (!inCategories(categories).holds(document)) return deny("CATEGORY");
  return null;
}

/**
 * Whether the token's scopes allow this kind of access at all. It depends on nothing but the token,
 * so it is decided first: a token without the scope gets the same refusal for every id, and a
 * "not found" then says nothing about whether another patient's id exists.
 */
export function decideAppScope(app: Pick<AppFacts, "scopes">, kind: HealthResource["kind"], action: HealthAction): AppAccessDecision {
  const needed = requiredScope(kind, action);
  if (!needed) return deny("NOT_ALLOWED");
  if (!scopesAllow(app.scopes, needed[0], needed[1])) return deny("INSUFFICIENT_SCOPE");
  return { allowed: true, basis: "APP" };
}

export function decideAppAccess(app: AppFacts, patientId: string, resource: HealthResource, action: HealthAction): AppAccessDecision {
  const scope = decideAppScope(app, resource.kind, action);
  if (!scope.allowed) return scope;
  if (patientId !== app.patientId) return deny("OTHER_PATIENT");
  if (resource.kind === "document" || resource.kind === "download") {
    const refusal = documentRefusal(resource.document, app.categories);
    if (refusal) return refusal;
  }
  return { allowed: true, basis: "APP" };
}

/**
 * The documents the app may read, as a filter: exactly those for which decideAppAccess allows reading
 * the document (checked by the property test): its patient's, within the ticked categories, never
 * hidden nor binned; none at all without the scope to read a DocumentReference.
 */
export function appVisibleDocuments(app: AppFacts): DocumentCondition {
  if (!decideAppScope(app, "document", "read").allowed) return noDocument;
  return allOf(ownedBy(app.patientId), notHidden, notBinned, inCategories(app.categories));
}
