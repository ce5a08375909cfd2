"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { useErrorText } from "@/components/ui/use-error-text";
import { useFindPatient } from "@/lib/queries/pro/use-find-patient";

/**
 * A patient is found by what they give the professional: their NIR or space code, and their birth
 * date. Both travel in a POST body; the next address holds only the patient's opaque id.
 */
export function FindPatientForm() {
  const t = useTranslations("pro.find");
  const router = useRouter();
  const errorText = useErrorText();
  const find = useFindPatient();
  const [missing, setMissing] = useState(false);

  return (
    <section aria-labelledby="find-title" className="space-y-4">
      <h2 id="find-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <form
        noValidate
        className="max-w-xl space-y-4 rounded-lg border border-gray-300 bg-surface p-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const identifier = String(data.get("identifier") ?? "").trim();
          const birthDate = String(data.get("birthDate") ?? "");
          setMissing(!identifier || !birthDate);
          if (!identifier || !birthDate) return;
          find.mutate({ identifier, birthDate }, { onSuccess: (patient) => router.push(`/pro/patients/${patient.id}`) });
        }}
      >
        {missing && <FormAlert>{t("required")}</FormAlert>}
        {!missing && find.isError && <FormAlert>{errorText(find.error)}</FormAlert>}
        <div>
          <label htmlFor="patient-identifier" className={labelClass}>
            {t("identifier")}
          </label>
          <input
            id="patient-identifier"
            name="identifier"
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={30}
            aria-describedby="patient-identifier-hint"
            className={fieldClass}
          />
          <p id="patient-identifier-hint" className="mt-1 text-sm text-muted">
            {t("identifierHint")}
          </p>
        </div>
        <div>
          <label htmlFor="patient-birth-date" className={labelClass}>
            {t("birthDate")}
          </label>
          <input id="patient-birth-date" name="birthDate" type="date" required autoComplete="off" className={fieldClass} />
        </div>
        <Button type="submit" disabled={find.isPending || find.isSuccess}>
          {find.isPending || find.isSuccess ? t("searching") : t("submit")}
        </Button>
      </form>
    </section>
  );
}
