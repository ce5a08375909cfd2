"use client";
import { useCallback, useState } from "react";

/**
 * The key a filter form kept in the address is mounted with. It changes when the address changes by
 * other means than the form (back button, a tab link, a shared link), so the form shows the address's
 * filters; it does not change when the form's own apply lands, so what the person typed while the
 * list was loading (after "Effacer les filtres", say) is not wiped by a late remount.
 */
export function useFilterFormKey(search: string) {
  const [state, setState] = useState({ seen: search, requested: null as string | null, formKey: 0 });
  if (search !== state.seen) {
    // Adjusting state while rendering (react.dev, "storing information from previous renders").
    setState({ seen: search, requested: null, formKey: search === state.requested ? state.formKey : state.formKey + 1 });
  }
  /** Called with the query the form is about to navigate to. */
  const expectSearch = useCallback((query: string) => setState((current) => ({ ...current, requested: query })), []);
  return { formKey: String(state.formKey), expectSearch };
}
