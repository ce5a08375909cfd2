"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";
import { useBreakGlass } from "@/lib/queries/pro/use-pro-mutations";

const MIN_REASON = 10;

/**
 * "Bris de glace" for emergency staff: a mandatory reason, after a warning that the patient is
 * alerted at once and that the access is traced. The server checks the reason again.
 */
export function EmergencyAccessForm({ patientId, hours }: { patientId: string; hours: number }) {
  const t = useTranslations("pro.emergency");
  const format = useFormatter();
  const announce = useAnnounce();
  const errorText = useErrorText();
  const breakGlass = useBreakGlass(patientId);
  const [reason, setReason] = useState("");
  const [tooShort, setTooShort] = useState(false);

  return (
    <section aria-labelledby="emergency-title" className="space-y-3 rounded-lg border-2 border-red-700 p-4">
      <h2 id="emergency-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="font-medium text-red-900" id="emergency-warning">
        {t("warning")}
      </p>
      <p>{t("duration", { hours })}</p>
      <form
        noValidate
        className="max-w-xl space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const short = reason.trim().length < MIN_REASON;
          setTooShort(short);
          if (short) {
            document.getElementById("emergency-reason")?.focus();
            return;
          }
          breakGlass.mutate(
            { reason: reason.trim() },
            {
              onSuccess: (access) => {
                announce(t("opened", { until: format.dateTime(new Date(access.expiresAt), { dateStyle: "long", timeStyle: "short" }) }));
                // This form goes away with the access open: focus goes to what now describes the access.
                requestAnimationFrame(() => document.getElementById("access-title")?.focus());
              },
            },
          );
        }}
      >
        {breakGlass.isError && <FormAlert>{errorText(breakGlass.error)}</FormAlert>}
        <TextAreaField
          id="emergency-reason"
          label={t("reason")}
          hint={t("reasonHint")}
          error={tooShort ? t("reasonRequired") : undefined}
          describedBy="emergency-warning"
          rows={3}
          required
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button
          type="submit"
          disabled={breakGlass.isPending}
          className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60"
        >
          {breakGlass.isPending ? t("opening") : t("submit")}
        </button>
      </form>
    </section>
  );
}
