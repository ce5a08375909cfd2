import type { SmartScope } from "@/lib/oauth/smart-scopes";

/**
 * "Data shared", as the catalogue's filter and cards say it: the kinds of the patient's data an app
 * would reach, derived from its requested SMART scopes. Labels under `catalogue.dataKinds.<kind>`.
 */
export const DATA_KIND_SCOPES = {
  documents: ["patient/DocumentReference.rs"],
  profile: ["patient/Patient.r"],
  measurements: ["patient/Observation.rs", "patient/Observation.c"],
} as const satisfies Record<string, readonly SmartScope[]>;

export type DataKind = keyof typeof DATA_KIND_SCOPES;
export const DATA_KINDS = Object.keys(DATA_KIND_SCOPES) as DataKind[];

export function dataKindsOf(scopes: readonly string[]): DataKind[] {
  return DATA_KINDS.filter((kind) => DATA_KIND_SCOPES[kind].some((scope) => scopes.includes(scope)));
}

/** A scope as a message key (next-intl reads dots as nesting): "patient/Patient.r" → "patient_Patient_r". */
export function scopeMessageKey(scope: string): string {
  return scope.replace(/[^A-Za-z0-9]/g, "_");
}
