import type { Messages } from "next-intl";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";

/** Message keys of the scopes under apps.scopes (next-intl keys cannot hold the scopes' dots and slashes). */
export const SCOPE_KEYS: Record<string, keyof Messages["apps"]["scopes"]> = {
  "patient/Patient.r": "patientRead",
  "patient/DocumentReference.rs": "documentsRead",
  "patient/Observation.rs": "observationsRead",
  "patient/Observation.c": "observationsCreate",
  "launch/patient": "launchPatient",
  offline_access: "offlineAccess",
};

export const DOCUMENT_SCOPE = "patient/DocumentReference.rs";

/** One data scope as a consent or change form shows it. */
export type ScopeItem = { scope: string; purpose: string | null; optional: boolean; checked: boolean; alreadyGranted: boolean };

/** What a consent form shows: data scopes, technical ones, and the document categories when asked. */
export type ConsentView = {
  app: { slug: string; name: string; publisher: string };
  scopes: ScopeItem[];
  technical: string[];
  categories: { value: DocumentCategory; checked: boolean }[] | null;
  /** The patient is connected already and the app asks for more. */
  widening: boolean;
};
