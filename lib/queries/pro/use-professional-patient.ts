"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/documents/fetch-json";
import type { ProfessionalPatientView } from "@/lib/server/professional/patient-for-professional";
import { proKeys, proPatientUrl } from "./pro-keys";

export type { ProfessionalPatientView };

/** Who the patient is and what this professional may do now; the page renders the server's first answer. */
export function useProfessionalPatient(patientId: string, initialData: ProfessionalPatientView) {
  return useQuery({
    queryKey: proKeys.patient(patientId),
    queryFn: ({ signal }) => fetchJson<ProfessionalPatientView>(proPatientUrl(patientId), { signal }),
    initialData,
  });
}
