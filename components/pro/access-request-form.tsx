"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";
import { useRequestAccess } from "@/lib/queries/pro/use-pro-mutations";

/** Asking the patient for access, with an optional message; once asked, the request waits for their answer. */
export function AccessRequestForm({ patientId, pending }: { patientId: string; pending: boolean }) {
  const t = useTranslations("pro.request");
  const announce = useAnnounce();
  const errorText = useErrorText();
  const request = useRequestAccess(patientId);
  const [message, setMessage] = useState("");

  return (
    <section aria-labelledby="request-title" className="space-y-3">
      <h2 id="request-title" tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        {t("title")}
      </h2>
      {pending ? (
        <FormAlert kind="info">
          <p data-testid="request-pending">{request.isSuccess ? `${t("sent")} ${t("pending")}` : t("pending")}</p>
        </FormAlert>
      ) : (
        <form
          className="max-w-xl space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate(
              { message: message.trim() || undefined },
              {
                onSuccess: () => {
                  announce(t("sent"));
                  // The form gives way to the pending notice: keep keyboard users at this section.
                  requestAnimationFrame(() => document.getElementById("request-title")?.focus());
                },
              },
            );
          }}
        >
          <p>{t("intro")}</p>
          {request.isError && <FormAlert>{errorText(request.error)}</FormAlert>}
          <TextAreaField
            id="request-message"
            label={t("message")}
            hint={t("messageHint")}
            rows={3}
            maxLength={500}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          <Button type="submit" disabled={request.isPending}>
            {request.isPending ? t("sending") : t("submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
