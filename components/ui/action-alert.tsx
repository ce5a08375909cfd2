"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormAlert } from "./form-alert";
import type { ActionResult } from "@/lib/server/action/action-result";

/**
 * The form-level outcome of an action, announced when it appears. Errors about one field are shown
 * at the field; the alert then only says there is something to fix. When the server asks for
 * re-authentication, the message comes with the way to do it, and back here afterwards.
 */
export function ActionAlert({ state, returnTo }: { state: ActionResult<unknown> | null; returnTo: string }) {
  const t = useTranslations("security");
  if (!state || state.ok) return null;
  const hasFieldErrors = Object.keys(state.fieldErrors ?? {}).length > 0;
  return (
    <FormAlert>
      <p>{hasFieldErrors ? t("form.fixErrors") : state.message}</p>
      {state.code === "REAUTHENTICATION_REQUIRED" && (
        <p className="mt-2">
          <Link href={`/securite/confirmer?suite=${encodeURIComponent(returnTo)}`} className="font-medium underline">
            {t("reauth.confirmLink")}
          </Link>
        </p>
      )}
    </FormAlert>
  );
}
