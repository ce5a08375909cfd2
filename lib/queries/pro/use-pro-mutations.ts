"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/documents/fetch-json";
import { proKeys, proPatientUrl } from "./pro-keys";
import { refreshAfterChange } from "../refresh-after-change";

/** After asking or breaking the glass, what the professional may do has changed: reload it and the list. */
function useAccessMutation<Input, Output>(patientId: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        refreshAfterChange(queryClient, proKeys.patient(patientId)),
        refreshAfterChange(queryClient, proKeys.documents(patientId)),
      ]);
    },
  });
}

export const useRequestAccess = (patientId: string) =>
  useAccessMutation(patientId, (input: { message?: string }) =>
    fetchJson<{ id: string }>(proPatientUrl(patientId, "access-requests"), { method: "POST", body: input }),
  );

export const useBreakGlass = (patientId: string) =>
  useAccessMutation(patientId, (input: { reason: string }) =>
    fetchJson<{ id: string; expiresAt: string }>(proPatientUrl(patientId, "emergency"), { method: "POST", body: input }),
  );

export const useQualifyIdentity = (patientId: string) =>
  useAccessMutation(patientId, (input: { nir: string; documentType: string; checked: boolean }) =>
    fetchJson<{ outcome: "QUALIFIED" | "CONFLICT" }>(proPatientUrl(patientId, "identity"), { method: "POST", body: input }),
  );
