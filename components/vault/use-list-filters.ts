"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { DocumentListQuery } from "@/lib/vault/document-api";
import { authorKinds, documentSorts } from "@/lib/vault/document-options";
import { documentCategories } from "@/lib/vault/document-categories";
import { useFilterFormKey } from "@/components/ui/use-filter-form-key";

export type ListFilters = Pick<DocumentListQuery, "q" | "category" | "author" | "from" | "to" | "pinned" | "sort">;

const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: string | null) =>
  (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/**
 * The list's filters live in the address (?q=…&category=…), so a reload, the back button or a shared
 * link keep them. Unknown values are dropped rather than sent to the server.
 */
export function useListFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = searchParams.toString();
  const { formKey, expectSearch } = useFilterFormKey(search);

  const filters = useMemo<ListFilters>(() => {
    const params = new URLSearchParams(search);
    return {
      q: params.get("q")?.trim().slice(0, 200) || undefined,
      category: oneOf(documentCategories, params.get("category")),
      author: oneOf(authorKinds, params.get("author")),
      from: isDay(params.get("from")),
      to: isDay(params.get("to")),
      pinned: params.get("pinned") === "true" ? "true" : undefined,
      sort: oneOf(documentSorts, params.get("sort")) ?? "date_desc",
    };
  }, [search]);

  const setFilters = useCallback(
    (next: ListFilters) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value && !(key === "sort" && value === "date_desc")) params.set(key, String(value));
      }
      const query = params.toString();
      expectSearch(query);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, expectSearch],
  );

  /** `key` remounts the filter form when the address changed by other means than `setFilters`. */
  return { filters, setFilters, key: formKey };
}
