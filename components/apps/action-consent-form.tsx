"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import type { ActionResult } from "@/lib/server/action/action-result";
import { ConsentFields } from "./consent-fields";
import type { ConsentView } from "./scope-keys";

type Fields = Record<string, string | string[]> & { scopes: string[]; categories: string[] };

/**
 * A consent or change form run by a server action (connecting from the catalogue, narrowing a
 * connection): on success the action redirects to Services connectés, which says so; an error is
 * shown by its field (focus moves there) or at the top.
 */
export function ActionConsentForm<T>({
  view,
  action,
  hidden,
  submitLabel,
  cancelHref,
}: {
  view: ConsentView;
  /** Fixed fields sent with the choices (the app's slug, the connection's id). */
  hidden: Record<string, string>;
  action: (previous: ActionResult<T> | null, fields: Fields) => Promise<ActionResult<T>>;
  submitLabel: string;
  cancelHref: string;
}) {
  const t = useTranslations("apps.consent");
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(
    (previous, form) =>
      action(previous, { ...hidden, scopes: form.getAll("scopes").map(String), categories: form.getAll("categories").map(String) }),
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state || state.ok) return;
    const target = formRef.current?.querySelector<HTMLElement>(
      errors.categories ? 'input[name="categories"]' : errors.scopes ? 'input[name="scopes"]' : "[role=alert]",
    );
    target?.focus();
    // Only when a new result arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form ref={formRef} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-6" noValidate>
      {state && !state.ok && !errors.categories && !errors.scopes && <FormAlert>{state.message}</FormAlert>}
      <ConsentFields view={view} idPrefix="connect" errors={{ categories: errors.categories, scopes: errors.scopes }} />
      <p className="text-sm text-muted">{t("revocable")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <Link href={cancelHref} className={buttonClass("link")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
