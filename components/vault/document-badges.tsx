"use client";
import { useTranslations } from "next-intl";
import type { DocumentSummary } from "@/lib/vault/document-api";
import { badgeClass } from "@/components/ui/field-classes";

export function DocumentBadges({ document }: { document: Pick<DocumentSummary, "pinned" | "hiddenFromProfessionals"> }) {
  const t = useTranslations("documents.list");
  if (!document.pinned && !document.hiddenFromProfessionals) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {document.pinned && <span className={`${badgeClass} bg-brand-light text-ink`}>{t("pinned")}</span>}
      {/* Between badges, a space that the flex gap hides and that a screen reader or a copy keeps. */}
      {document.pinned && document.hiddenFromProfessionals && " "}
      {document.hiddenFromProfessionals && (
        <span className={`${badgeClass} border border-amber-800 bg-amber-50 text-amber-900`}>{t("hidden")}</span>
      )}
    </span>
  );
}
