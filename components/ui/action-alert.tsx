"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/server/action/action-result";
import { FormAlert } from "./form-alert";

/**
 * The form-level outcome of an action, announced when it appears; nothing when it succeeded.
 * Errors about one field are shown at the field, so with `fieldErrors` the alert either only says
 * there is something to fix ("summarize") or is left out ("hide"); "message" always shows the
 * server's sentence. With `returnTo`, a refusal that asks for re-authentication comes with the way
 * to do it, and back here afterwards.
 */
export function ActionAlert({
  state,
  returnTo,
  fieldErrors = "summarize",
}: {
  state: ActionResult<unknown> | null;
  returnTo?: string;
  fieldErrors?: "summarize" | "hide" | "message";
}) {
  if (!state || state.ok) return null;
  const hasFieldErrors = Object.keys(state.fieldErrors ?? {}).length > 0;
  if (hasFieldErrors && fieldErrors === "hide") return null;
  if (hasFieldErrors && fieldErrors === "summarize") return <FixErrorsAlert />;
  return (
    <FormAlert>
      <p>{state.message}</p>
      {returnTo && state.code === "REAUTHENTICATION_REQUIRED" && <ReauthenticateLink returnTo={returnTo} />}
    </FormAlert>
  );
}

function FixErrorsAlert() {
  const t = useTranslations("security.form");
  return (
    <FormAlert>
      <p>{t("fixErrors")}</p>
    </FormAlert>
  );
}

function ReauthenticateLink({ returnTo }: { returnTo: string }) {
  const t = useTranslations("security.reauth");
  return (
    <p className="mt-2">
      <Link href={`/securite/confirmer?suite=${encodeURIComponent(returnTo)}`} className="font-medium underline">
        {t("confirmLink")}
      </Link>
    </p>
  );
}
