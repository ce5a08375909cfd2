"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { registerClientAction } from "@/app/admin/catalogue/actions";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import { MAX_REDIRECT_URIS } from "@/lib/catalogue/oauth-client-schemas";
import type { ActionResult } from "@/lib/server/action/action-result";
import type { RegisteredClient } from "@/lib/server/catalogue/oauth-clients";

/**
 * Registering an OAuth client for an app: its type and its redirect URIs. The answer shows the client
 * id and, for a confidential client, its secret, once: the page says so and takes the focus there.
 */
export function OAuthClientForm({ appId }: { appId: string }) {
  const t = useTranslations("catalogue.curation.clients");
  const announce = useAnnounce();
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<RegisteredClient> | null, FormData>(async (previous, form) => {
    const result = await registerClientAction(previous, form);
    if (result.ok) {
      announce(t("registered", { clientId: result.data.clientId }));
      formRef.current?.reset();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const registered = state?.ok ? state.data : null;

  useEffect(() => {
    if (registered) resultRef.current?.focus();
  }, [registered]);

  return (
    <div className="space-y-4">
      {registered && (
        <div
          ref={resultRef}
          tabIndex={-1}
          className="space-y-2 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900"
          data-testid="client-registered"
        >
          <p className="font-semibold">{t("registered", { clientId: registered.clientId })}</p>
          <p>
            {t("clientIdLabel")} <code data-testid="new-client-id">{registered.clientId}</code>
          </p>
          {registered.secret && (
            <>
              <p>
                {t("secretLabel")}{" "}
                <code data-testid="new-client-secret" className="break-all">
                  {registered.secret}
                </code>
              </p>
              <p className="font-medium">{t("secretOnce")}</p>
            </>
          )}
        </div>
      )}
      <form ref={formRef} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-4" noValidate>
        <input type="hidden" name="appId" value={appId} />
        <fieldset className="space-y-2" aria-describedby={errors.type ? "client-type-error" : undefined}>
          <legend className="font-semibold">{t("type")}</legend>
          {(["PUBLIC", "CONFIDENTIAL"] as const).map((type) => (
            <div key={type}>
              <label className="flex items-center gap-2 font-medium">
                <input
                  type="radio"
                  name="type"
                  value={type}
                  defaultChecked={type === "PUBLIC"}
                  aria-describedby={`client-type-hint-${type}`}
                  className="h-4 w-4"
                />
                {t(`types.${type}`)}
              </label>
              <p id={`client-type-hint-${type}`} className="ml-6 text-sm text-muted">
                {t(`typeHints.${type}`)}
              </p>
            </div>
          ))}
          {errors.type && (
            <p id="client-type-error" className="text-sm font-medium text-red-800">
              {errors.type}
            </p>
          )}
        </fieldset>
        <TextAreaField
          id="client-redirect-uris"
          label={t("redirectUris")}
          hint={t("redirectUrisHint", { max: MAX_REDIRECT_URIS })}
          error={errors.redirectUris}
          name="redirectUris"
          rows={3}
          required
        />
        <ActionAlert state={state} fieldErrors="hide" />
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
      </form>
    </div>
  );
}
