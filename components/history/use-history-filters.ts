"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useFilterFormKey } from "@/components/ui/use-filter-form-key";
import type { HistoryFilters } from "@/lib/history/history-api";
import { historyAuthorRoles, historyKinds } from "@/lib/history/history-options";

const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const isUuid = (value: string | null) =>
  value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : undefined;
const oneOf = <T extends string>(values: readonly T[], value: string | null) =>
  (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

function queryFor(filters: HistoryFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === "tab" && value === "others")) params.set(key, String(value));
  }
  return params.toString();
}

/** Tab and filters live in the address, so a reload, the back button or a bookmark keep them. */
export function useHistoryFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = searchParams.toString();
  const { formKey, expectSearch } = useFilterFormKey(search);

  const filters = useMemo<HistoryFilters>(() => {
    const params = new URLSearchParams(search);
    const tab = params.get("tab") === "mine" ? "mine" : "others";
    return {
      tab,
      // Authors are others: the patient's own tab has none to choose from.
      author: tab === "others" ? (oneOf(historyAuthorRoles, params.get("author")) ?? isUuid(params.get("author"))) : undefined,
      kind: oneOf(historyKinds, params.get("kind")),
      from: isDay(params.get("from")),
      to: isDay(params.get("to")),
    };
  }, [search]);

  const hrefFor = useCallback(
    (next: HistoryFilters) => {
      const query = queryFor(next);
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );

  const setFilters = useCallback(
    (next: HistoryFilters) => {
      expectSearch(queryFor(next));
      router.replace(hrefFor(next), { scroll: false });
    },
    [router, hrefFor, expectSearch],
  );

  /** `key` remounts the filter form when the address changed by other means than `setFilters` (a tab link, back). */
  return { filters, setFilters, hrefFor, key: formKey };
}
