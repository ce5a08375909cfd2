import type { DocumentListQuery } from "@/lib/vault/document-api";

/**
 * React-query keys of the professional space. The patient's document list sits under "documents",
 * so an upload (which invalidates every "documents" key) refreshes it like the patient's own list.
 */
export const proKeys = {
  patient: (patientId: string) => ["pro", "patient", patientId] as const,
  documents: (patientId: string) => ["documents", "pro", patientId] as const,
  documentList: (patientId: string, query: Omit<DocumentListQuery, "cursor">) => ["documents", "pro", patientId, "list", query] as const,
};

export const proPatientUrl = (patientId: string, action = "") =>
  `/api/pro/patients/${encodeURIComponent(patientId)}${action ? `/${action}` : ""}`;
