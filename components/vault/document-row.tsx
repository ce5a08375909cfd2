"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DocumentSummary } from "@/lib/vault/document-api";
import { DocumentAddedBy } from "./document-added-by";
import { DocumentBadges } from "./document-badges";
import { useDates } from "@/components/ui/dates";

/** A row of the list: selection box, title (a link to the document), badges, category, dates, author. */
export function DocumentRow({
  document,
  selected,
  onSelect,
}: {
  document: DocumentSummary;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const t = useTranslations("documents.list");
  const tCategory = useTranslations("space.categories");
  const dates = useDates();
  return (
    <li className="flex items-start gap-3 px-4 py-3" data-testid="document-row">
      <input
        id={`select-${document.id}`}
        type="checkbox"
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={t("select", { title: document.title })}
        className="mt-1 h-5 w-5 shrink-0"
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          <Link href={`/documents/${document.id}`} className="mr-2 break-words text-brand underline hover:no-underline">
            {document.title}
          </Link>
          <DocumentBadges document={document} />
        </p>
        <p className="text-sm text-muted">
          {tCategory(document.category)} · {t("documentDate", { date: dates.day(document.documentDate) })}
        </p>
        <p className="text-sm text-muted">
          <DocumentAddedBy document={document} />
        </p>
      </div>
    </li>
  );
}
