import { getTranslations } from "next-intl/server";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { startFirstCodeFactorEnrolment } from "@/lib/server/auth/codes/code-factor-actions";
import { listCodeFactors } from "@/lib/server/auth/codes/list-code-factors";
import { CODE_POLICY } from "@/lib/server/auth/codes/one-time-codes";
import { smsDeliveryAvailable } from "@/lib/server/auth/codes/sms-delivery";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, authorize } from "@/lib/server/policy/policy";
import { CodeEnrolmentForm } from "./code-enrolment-form";

/**
 * On the first-enrolment page: codes by e-mail (the account's address) or SMS. Typing the code
 * received confirms the factor and completes the sign-in; the browser then goes on to `next`.
 */
export async function CodeFactorEnrolment({ userId, next }: { userId: string; next: string }) {
  // Checked where the data is read, not only by the page that renders this.
  const session = await getCurrentSession();
  authorize(actorOf(session), "account:enrol-first-factor");
  if (session?.user.id !== userId) throw new AppError("FORBIDDEN", "enrolment of another account");

  const [t, { email }] = await Promise.all([getTranslations("codes.enrol"), listCodeFactors(getDb(), { userId })]);
  return (
    <section aria-labelledby="enrol-code" className="rounded-lg border border-gray-300 p-5" data-testid="code-factor-enrolment">
      <h2 id="enrol-code" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 mb-4 text-muted">{t("intro")}</p>
      <CodeEnrolmentForm
        mode="first"
        email={email}
        sms={smsDeliveryAvailable()}
        start={startFirstCodeFactorEnrolment}
        next={next}
        minutes={CODE_POLICY.FACTOR_ENROLMENT.ttlMinutes}
      />
    </section>
  );
}
