"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useDocumentList } from "@/lib/queries/documents/use-document-list";
import { BinRow } from "./bin-row";
import { useErrorText } from "@/components/ui/use-error-text";

/** The documents in the bin, newest first, each with Restore and a guarded permanent delete. */
export function BinList() {
  const t = useTranslations("documents");
  const errorText = useErrorText();
  const list = useDocumentList({ bin: "true", sort: "added_desc" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const documents = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="bin-list-title" className="space-y-4">
      <h2 id="bin-list-title" ref={headingRef} tabIndex={-1} className="sr-only">
        {t("list.title")}
      </h2>
      {list.isPending && <p>{t("loading")}</p>}
      {list.isError && <FormAlert>{errorText(list.error)}</FormAlert>}
      {list.isSuccess &&
        (documents.length === 0 ? (
          <p>{t("bin.empty")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" aria-labelledby="bin-list-title">
            {documents.map((document) => (
              // After a row leaves the list, focus goes back to the list rather than to the page's start.
              <BinRow key={document.id} document={document} onGone={() => requestAnimationFrame(() => headingRef.current?.focus())} />
            ))}
          </ul>
        ))}
      {list.hasNextPage && (
        <Button type="button" variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? t("list.loadingMore") : t("list.loadMore")}
        </Button>
      )}
    </section>
  );
}
