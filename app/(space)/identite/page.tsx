import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActivationCodeForm, ActivationLetterForm, IdentityDetailsForm } from "@/components/identity/identity-forms";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { getOwnIdentity } from "@/lib/server/identity/get-own-identity";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { qualifyWithActivationCodeAction, requestActivationLetterAction, updateIdentityDetailsAction } from "./actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identity"))("title") };
}

/**
 * The patient's health identity: qualified or not (and so whether a professional can find them by
 * NIR), the declared NIR and postal address, and the postal way to qualify it.
 */
export default async function IdentityPage() {
  const patient = await requirePatientForPage("/identite");
  const [t, format] = await Promise.all([getTranslations("identity"), getFormatter()]);
  if (!patient) return <NotPatientNotice title={t("title")} />;
  const identity = await getOwnIdentity(await signedInPageCtx());
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "Europe/Paris" });
  const q = identity.qualification;
  const hasAddress = Boolean(identity.address.addressLine1 && identity.address.postalCode && identity.address.city);

  return (
    <ClientMessages namespaces={["identity.code", "identity.details", "identity.letter", "security.form", "security.reauth"]}>
      <div className="space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
        </div>

        <section
          aria-labelledby="identity-status-title"
          className="space-y-1 rounded-lg border border-gray-300 bg-surface p-4"
          data-testid="identity-status"
        >
          <h2 id="identity-status-title" className="text-xl font-semibold">
            {t("status.title")}
          </h2>
          {q ? (
            <>
              <p className="font-medium">{t("status.qualified", { date: day(q.qualifiedAt), method: t(`methods.${q.method}`) })}</p>
              {q.method === "IN_PERSON" && <p>{t("status.qualifiedBy", { by: q.qualifiedBy })}</p>}
              <p>{t("status.qualifiedNir", { nir: q.nir })}</p>
            </>
          ) : (
            <>
              <p className="font-medium">{t("status.notQualified")}</p>
              <p>{identity.declaredNir ? t("status.declared", { nir: identity.declaredNir }) : t("status.noNir")}</p>
            </>
          )}
          {identity.openConflictTicket && (
            <p>
              {t("conflict.pending", { number: identity.openConflictTicket.number })}{" "}
              <Link href={`/support/${identity.openConflictTicket.id}`} className="text-brand underline hover:no-underline">
                {t("conflict.link")}
              </Link>
            </p>
          )}
        </section>

        <section aria-labelledby="identity-details-title" className="space-y-3">
          <h2 id="identity-details-title" className="text-2xl font-semibold">
            {t("details.title")}
          </h2>
          <p className="max-w-3xl text-muted">{t("details.intro")}</p>
          <IdentityDetailsForm
            action={updateIdentityDetailsAction}
            initial={{ nir: identity.declaredNir ?? "", ...identity.address }}
            locked={Boolean(q)}
          />
        </section>

        {!q && (
          <>
            <section aria-labelledby="identity-letter-title" className="space-y-3">
              <h2 id="identity-letter-title" className="text-2xl font-semibold">
                {t("letter.title")}
              </h2>
              <ActivationLetterForm
                action={requestActivationLetterAction}
                pendingUntil={identity.letterExpiresAt?.toISOString() ?? null}
                ready={Boolean(identity.declaredNir) && hasAddress}
              />
            </section>
            <section aria-labelledby="identity-code-title" className="space-y-3">
              <h2 id="identity-code-title" className="text-2xl font-semibold">
                {t("code.title")}
              </h2>
              <ActivationCodeForm action={qualifyWithActivationCodeAction} />
            </section>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
