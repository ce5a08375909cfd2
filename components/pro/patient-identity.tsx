"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";
import { IDENTITY_DOCUMENT_TYPES } from "@/lib/schemas/identity";
import { useQualifyIdentity } from "@/lib/queries/pro/use-pro-mutations";
import type { ProfessionalPatientView } from "@/lib/queries/pro/use-professional-patient";

/**
 * The patient's identity as the professional sees it (qualified or not, and so whether a NIR finds
 * them), and, for a professional who follows them, the in-person qualification: the NIR read from the
 * card and the document seen. The server checks everything again and records only the document's type.
 */
export function PatientIdentity({ patientId, identity }: { patientId: string; identity: ProfessionalPatientView["identity"] }) {
  const t = useTranslations("identity");
  const format = useFormatter();
  const announce = useAnnounce();
  const errorText = useErrorText();
  const qualify = useQualifyIdentity(patientId);
  const [nir, setNir] = useState("");
  const [documentType, setDocumentType] = useState("");
  const [checked, setChecked] = useState(false);
  const conflict = qualify.data?.outcome === "CONFLICT";

  return (
    <section aria-labelledby="identity-title" className="space-y-3">
      <h2 id="identity-title" tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        {t("pro.title")}
      </h2>
      <p data-testid="identity-status">
        {identity.qualification
          ? t("pro.qualified", {
              date: format.dateTime(new Date(identity.qualification.qualifiedAt), { dateStyle: "long", timeZone: "Europe/Paris" }),
              method: t(`methods.${identity.qualification.method}`),
            })
          : t("pro.notQualified")}
      </p>
      {qualify.isSuccess && <FormAlert kind={conflict ? "error" : "success"}>{conflict ? t("pro.conflict") : t("pro.done")}</FormAlert>}
      {identity.canQualify && !conflict && (
        <form
          noValidate
          className="max-w-xl space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            qualify.mutate(
              { nir, documentType, checked },
              {
                onSuccess: (result) => {
                  announce(result.outcome === "CONFLICT" ? t("pro.conflict") : t("pro.done"));
                  requestAnimationFrame(() => document.getElementById("identity-title")?.focus());
                },
              },
            );
          }}
        >
          <p>{t("pro.intro")}</p>
          {qualify.isError && <FormAlert>{errorText(qualify.error)}</FormAlert>}
          <div>
            <label htmlFor="identity-nir" className={labelClass}>
              {t("pro.nir")}
            </label>
            <p id="identity-nir-hint" className="mt-1 text-sm text-muted">
              {t("pro.nirHint")}
            </p>
            <input
              id="identity-nir"
              value={nir}
              onChange={(event) => setNir(event.target.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={21}
              required
              aria-describedby="identity-nir-hint"
              className={fieldClass}
            />
          </div>
          <SelectField
            id="identity-document"
            label={t("pro.documentType")}
            value={documentType}
            onChange={(event) => setDocumentType(event.target.value)}
            required
          >
            <option value="">{t("pro.chooseDocument")}</option>
            {IDENTITY_DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`documentTypes.${type}`)}
              </option>
            ))}
          </SelectField>
          <div className="flex items-start gap-2">
            <input
              id="identity-checked"
              type="checkbox"
              checked={checked}
              onChange={(event) => setChecked(event.target.checked)}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor="identity-checked">{t("pro.checked")}</label>
          </div>
          <Button type="submit" disabled={qualify.isPending}>
            {qualify.isPending ? t("pro.submitting") : t("pro.submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
