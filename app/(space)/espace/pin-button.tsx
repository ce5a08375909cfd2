"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/action/action-result";

type Toggle = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function PinButton({ documentId, pinned, title, toggle }: { documentId: string; pinned: boolean; title: string; toggle: Toggle }) {
  const t = useTranslations("space");
  const [state, action, pending] = useActionState(toggle, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="pinned" value={String(!pinned)} />
      <button type="submit" disabled={pending} className="rounded px-2 py-1 text-sm text-brand underline hover:bg-brand-light">
        {pinned ? t("unpin") : t("pin")}
        <span className="sr-only"> : {title}</span>
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}
