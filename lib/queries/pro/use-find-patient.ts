"use client";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/documents/fetch-json";

export type FoundPatient = { id: string; firstName: string; lastName: string; birthDate: string };

/** Identifier and birth date go in a POST body, never in an address (logs, history, referrers). */
export const useFindPatient = () =>
  useMutation({
    mutationFn: (input: { identifier: string; birthDate: string }) =>
      fetchJson<FoundPatient>("/api/pro/patients/find", { method: "POST", body: input }),
  });
