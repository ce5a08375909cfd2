"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/queries/documents/api-error";

/** The server's own message when it sent one (already translated), else a general sentence. */
export function useErrorText() {
  const t = useTranslations("documents");
  return (error: unknown) => (error instanceof ApiError && error.message ? error.message : t("actionError"));
}
