"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useReportDocument } from "@/lib/queries/documents/use-document-mutations";
import type { DocumentReportInput } from "@/lib/vault/document-api";
import { documentReportReasons } from "@/lib/vault/document-options";
import { useErrorText } from "@/components/ui/use-error-text";

/** "Signaler un problème": a reason and, optionally, a few words for support (no health details). */
export function DocumentReportForm({ documentId }: { documentId: string }) {
  const t = useTranslations("documents.report");
  const tTickets = useTranslations("tickets.documentReport");
  const errorText = useErrorText();
  const report = useReportDocument();
  const [reason, setReason] = useState<DocumentReportInput["reason"] | "">("");
  const [message, setMessage] = useState("");
  const [reasonError, setReasonError] = useState<string>();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason) {
      setReasonError(t("reasonRequired"));
      document.getElementById("report-reason")?.focus();
      return;
    }
    setReasonError(undefined);
    report.mutate(
      { id: documentId, report: { reason, ...(message.trim() ? { message: message.trim() } : {}) } },
      {
        onSuccess: () => {
          setReason("");
          setMessage("");
        },
      },
    );
  }

  return (
    <section aria-labelledby="report-title" className="space-y-4">
      <h2 id="report-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-muted">{t("intro")}</p>
      <form onSubmit={submit} noValidate className="space-y-4">
        <SelectField
          id="report-reason"
          label={t("reason")}
          error={reasonError}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value as DocumentReportInput["reason"])}
        >
          <option value="">{t("chooseReason")}</option>
          {documentReportReasons.map((value) => (
            <option key={value} value={value}>
              {t(`reasons.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="report-message"
          label={t("message")}
          hint={t("messageHint")}
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
        {report.isError && <FormAlert>{errorText(report.error)}</FormAlert>}
        {report.isSuccess && (
          <FormAlert kind="success">
            {t("sent")}{" "}
            {tTickets.rich("confirmation", {
              number: String(report.data.ticketNumber),
              link: (chunks) => (
                <Link href={`/support/${report.data.ticketId}`} className="underline hover:no-underline">
                  {chunks}
                </Link>
              ),
            })}
          </FormAlert>
        )}
        <Button type="submit" variant="secondary" disabled={report.isPending}>
          {t("send")}
        </Button>
      </form>
    </section>
  );
}
