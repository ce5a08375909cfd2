import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { confirmAdditionalCodeFactor, startAdditionalCodeFactorEnrolment } from "@/lib/server/auth/codes/code-factor-actions";
import { listCodeFactors } from "@/lib/server/auth/codes/list-code-factors";
import { CODE_POLICY } from "@/lib/server/auth/codes/one-time-codes";
import { smsDeliveryAvailable } from "@/lib/server/auth/codes/sms-delivery";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, authorize } from "@/lib/server/policy/policy";
import { CodeEnrolmentForm } from "./code-enrolment-form";

/** The Sécurité page's e-mail and SMS factors: those confirmed, and a way to add one. */
export async function CodeFactorSection({ userId }: { userId: string }) {
  // Checked where the data is read, not only by the page that renders this.
  const session = await getCurrentSession();
  authorize(actorOf(session), "account:manage-own");
  if (session?.user.id !== userId) throw new AppError("FORBIDDEN", "code factors of another account");

  const [t, format, { email, factors }] = await Promise.all([
    getTranslations("codes.section"),
    getFormatter(),
    listCodeFactors(getDb(), { userId }),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  const emailEnrolled = factors.some((factor) => factor.kind === "EMAIL_OTP");
  const sms = smsDeliveryAvailable();

  return (
    <section aria-labelledby="code-factors-title" data-testid="code-factor-section">
      <h2 id="code-factors-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {factors.length === 0 ? (
        <p className="mt-4">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-3" aria-label={t("listLabel")}>
          {factors.map((factor) => (
            <li key={factor.id} className="rounded-lg border border-gray-300 p-4">
              <p className="font-semibold">{t(factor.kind === "SMS_OTP" ? "sms" : "email", { destination: factor.destination })}</p>
              <p className="text-sm text-muted">
                {t("created", { date: date(factor.createdAt) })}
                {" · "}
                {factor.lastUsedAt ? t("lastUsed", { date: date(factor.lastUsedAt) }) : t("neverUsed")}
              </p>
            </li>
          ))}
        </ul>
      )}
      {(sms || !emailEnrolled) && (
        <>
          <h3 className="mt-6 mb-3 text-lg font-semibold">{t("addTitle")}</h3>
          <CodeEnrolmentForm
            mode="additional"
            email={emailEnrolled ? null : email}
            sms={sms}
            start={startAdditionalCodeFactorEnrolment}
            confirm={confirmAdditionalCodeFactor}
            minutes={CODE_POLICY.FACTOR_ENROLMENT.ttlMinutes}
          />
        </>
      )}
    </section>
  );
}
