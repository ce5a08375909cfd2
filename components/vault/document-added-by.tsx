"use client";
import { useTranslations } from "next-intl";
import type { DocumentSummary } from "@/lib/vault/document-api";
import { useDates } from "@/components/ui/dates";

/** "Ajouté par vous le …" or "Ajouté par Dr Bernard le …": who put the document here, and when. */
export function DocumentAddedBy({ document }: { document: Pick<DocumentSummary, "authorKind" | "authorLabel" | "createdAt"> }) {
  const t = useTranslations("documents.list");
  const dates = useDates();
  const date = dates.instant(document.createdAt);
  if (document.authorKind === "PATIENT") return <>{t("addedByYou", { date })}</>;
  return <>{t("addedBy", { author: document.authorLabel ?? t(`authorKinds.${document.authorKind}`), date })}</>;
}
