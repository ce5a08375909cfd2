"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";
import { useListFilters, type ListFilters } from "./use-list-filters";
import { usePatientDocuments } from "@/lib/queries/pro/use-patient-documents";
import { PatientDocumentRow } from "./patient-document-row";
import { DocumentFilters } from "./document-filters";

/**
 * The patient's documents this professional may see, read-only: the server leaves out hidden ones
 * and anything the consent does not cover. Filters from the address, pages on demand ("Charger plus").
 */
export function PatientDocumentList({ patientId }: { patientId: string }) {
  const t = useTranslations("pro.documents");
  const tPro = useTranslations("pro");
  const announce = useAnnounce();
  const errorText = useErrorText();
  const { filters: addressFilters, setFilters, key } = useListFilters();
  // The patient's pins are theirs; a professional's list ignores a pinned filter in the address.
  const filters = useMemo(() => ({ ...addressFilters, pinned: undefined }), [addressFilters]);
  const list = usePatientDocuments(patientId, filters);
  const announceWhenLoaded = useRef(false);

  const documents = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = Object.entries(filters).some(([name, value]) => value && !(name === "sort" && value === "date_desc"));

  useEffect(() => {
    if (announceWhenLoaded.current && list.isSuccess && !list.isFetching) {
      announceWhenLoaded.current = false;
      announce(t("updated", { count: documents.length }));
    }
  }, [announce, documents.length, list.isFetching, list.isSuccess, t]);

  function apply(next: ListFilters) {
    announceWhenLoaded.current = true;
    setFilters(next);
  }

  return (
    <section aria-labelledby="list-title" className="space-y-4">
      <h2 id="list-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <DocumentFilters key={key} filters={filters} onApply={apply} forProfessional />

      {list.isPending && <p>{tPro("loading")}</p>}
      {list.isError && (
        <FormAlert>
          <p>{errorText(list.error)}</p>
          <Button type="button" variant="link" onClick={() => list.refetch()}>
            {tPro("retry")}
          </Button>
        </FormAlert>
      )}
      {list.isSuccess && (
        <>
          <p className="text-muted" data-testid="list-count">
            {t("count", { count: documents.length })}
          </p>
          {documents.length === 0 ? (
            <p>{filtered ? t("noMatch") : t("empty")}</p>
          ) : (
            <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" aria-labelledby="list-title">
              {documents.map((document) => (
                <PatientDocumentRow key={document.id} patientId={patientId} document={document} />
              ))}
            </ul>
          )}
          {list.hasNextPage && (
            <Button type="button" variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
