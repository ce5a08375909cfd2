/**
 * The SMART App Launch 2.0 scopes this server grants, shared by the authorization server (what a
 * client may ask), the consent screens (what the patient reads), the catalogue (what an app would
 * do) and the FHIR API (what a token allows). Permissions follow SMART v2: c(reate), r(ead), s(earch).
 */
export const SMART_SCOPES = [
  "launch/patient",
  "offline_access",
  "patient/Patient.r",
  "patient/DocumentReference.rs",
  "patient/Observation.rs",
  "patient/Observation.c",
] as const;
export type SmartScope = (typeof SMART_SCOPES)[number];

/** Scopes that are plumbing rather than access to data: never shown as a permission to untick. */
export const TECHNICAL_SCOPES: readonly SmartScope[] = ["launch/patient", "offline_access"];

export function isSmartScope(value: string): value is SmartScope {
  return (SMART_SCOPES as readonly string[]).includes(value);
}

/** A space-separated `scope` parameter: the known scopes (deduplicated, in order) and the rest. */
export function parseScopeParameter(raw: string | null | undefined): { known: SmartScope[]; unknown: string[] } {
  const known: SmartScope[] = [];
  const unknown: string[] = [];
  for (const part of (raw ?? "").split(/\s+/).filter(Boolean)) {
    if (isSmartScope(part)) {
      if (!known.includes(part)) known.push(part);
    } else if (!unknown.includes(part)) unknown.push(part);
  }
  return { known, unknown };
}

export type FhirInteraction = "read" | "search" | "create";

const LETTER: Record<FhirInteraction, string> = { read: "r", search: "s", create: "c" };

/** Whether granted scopes allow an interaction on a resource type, e.g. ("DocumentReference", "search"). */
export function scopesAllow(granted: readonly string[], resourceType: string, interaction: FhirInteraction): boolean {
  return granted.some((scope) => {
    const match = /^patient\/([A-Za-z]+)\.([cruds]+)$/.exec(scope);
    return !!match && match[1] === resourceType && match[2].includes(LETTER[interaction]);
  });
}

/** Whether `requested` asks for anything `granted` does not cover: then the patient is asked again. */
export function widens(granted: readonly string[], requested: readonly string[]): boolean {
  return requested.some((scope) => !granted.includes(scope));
}
