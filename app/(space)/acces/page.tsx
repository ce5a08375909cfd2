import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/access/action-form";
import { AlertSettingsForm } from "@/components/access/alert-settings-form";
import { describeGrant } from "@/components/access/describe-grant";
import { EmergencySwitch } from "@/components/access/emergency-switch";
import { GrantForm } from "@/components/access/grant-form";
import { ProfessionalLine } from "@/components/access/professional-line";
import { parisDay } from "@/lib/consent/paris-date";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import type { ConsentContext } from "@/lib/server/consent/consent-context";
import { getAccessOverview } from "@/lib/server/consent/get-access-overview";
import { listGrantableDocuments } from "@/lib/server/consent/list-grantable-documents";
import { listReceipts } from "@/lib/server/consent/list-receipts";
import { getDb } from "@/lib/server/db";
import { actorOf } from "@/lib/server/policy/policy";
import { endEmergencyAccessAction, refuseAccessRequestAction, revokeAccessAction, setTreatingDoctorAction, unblockProfessionalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      {/* Focus lands here after an action removes the row that held it. */}
      <h2 id={id} tabIndex={-1} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccessPage() {
  const session = await requireFullSessionForPage("/acces");
  const t = await getTranslations("access");
  if (!session.user.roles.includes("PATIENT")) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("notPatient")}</p>
      </div>
    );
  }
  const db = getDb();
  const context: ConsentContext = { actor: actorOf(session), patientId: session.user.id };
  const [overview, receipts, documents, format, tScope, tCategories] = await Promise.all([
    getAccessOverview(db, context),
    listReceipts(db, context),
    listGrantableDocuments(db, context),
    getFormatter(),
    getTranslations("access.scope"),
    getTranslations("space.categories"),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const dayTime = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const name = (professional: { firstName: string; lastName: string }) => `${professional.firstName} ${professional.lastName}`;
  const active = overview.grants.filter((grant) => grant.state === "active");
  const ended = overview.grants.filter((grant) => grant.state !== "active");
  const formDocuments = documents.map((document) => ({ id: document.id, title: document.title, category: document.category, date: format.dateTime(document.documentDate, { dateStyle: "medium", timeZone: "UTC" }), hidden: document.hiddenFromProfessionals }));
  const describe = (grant: (typeof overview.grants)[number]) => describeGrant(grant, tScope as never, (category) => tCategories(category as never));

  return (
    <div className="space-y-12">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p>
          <Link href="/acces/professionnels" className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("findProfessional")}
          </Link>
        </p>
      </div>

      <Section id="treating-title" title={t("treating.title")}>
        <p className="text-muted">{t("treating.explain")}</p>
        {overview.treatingDoctor ? (
          <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-gray-300 p-4" data-testid="treating-doctor">
            <ProfessionalLine professional={overview.treatingDoctor} />
            <div className="flex flex-wrap gap-2">
              <Link href="/acces/professionnels?profession=medecin" className="rounded px-3 py-2 text-brand underline hover:bg-brand-light">
                {t("treating.change")}
              </Link>
              <ActionForm
                action={setTreatingDoctorAction}
                fields={{ professionalId: "" }}
                label={t("treating.removeShort")}
                srLabel={name(overview.treatingDoctor)}
                success={t("treating.removed")}
                focusAfter="treating-title"
              />
            </div>
          </div>
        ) : (
          <div className="space-y-2">
            <p>{t("treating.none")}</p>
            <Link href="/acces/professionnels?profession=medecin" className="text-brand underline">
              {t("treating.choose")}
            </Link>
          </div>
        )}
      </Section>

      <Section id="emergency-title" title={t("emergency.title")}>
        <p className="text-muted">{t("emergency.explain")}</p>
        <EmergencySwitch enabled={overview.emergencyAccessEnabled} />
      </Section>

      <Section id="alerts-title" title={t("alerts.title")}>
        <AlertSettingsForm firstAccessByEmail={overview.alertFirstAccessByEmail} />
      </Section>

      <Section id="requests-title" title={t("requests.title")}>
        {overview.pendingRequests.length === 0 ? (
          <p className="text-muted">{t("requests.none")}</p>
        ) : (
          <ul className="space-y-4">
            {overview.pendingRequests.map((request) => (
              <li key={request.id} className="space-y-3 rounded-lg border border-gray-300 p-4" data-testid="access-request">
                <ProfessionalLine professional={request.professional} />
                <p className="text-sm text-muted">{t("requests.received", { date: dayTime(request.createdAt) })}</p>
                {request.message && <p>{t("requests.message", { message: request.message })}</p>}
                <details className="rounded border border-gray-300 p-3">
                  <summary className="cursor-pointer font-medium text-brand">{t("requests.accept", { name: name(request.professional) })}</summary>
                  <div className="mt-4">
                    <GrantForm
                      target={{ kind: "request", requestId: request.id }}
                      idPrefix={`request-${request.id}`}
                      professionalName={name(request.professional)}
                      documents={formDocuments}
                      today={parisDay(new Date())}
                      submitLabel={t("requests.acceptSubmit")}
                      focusAfter="requests-title"
                    />
                  </div>
                </details>
                <ActionForm
                  action={refuseAccessRequestAction}
                  fields={{ requestId: request.id }}
                  label={t("requests.refuse")}
                  srLabel={name(request.professional)}
                  success={t("requests.refused")}
                  focusAfter="requests-title"
                />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="grants-title" title={t("grants.title")}>
        {/* An emergency access opens documents without consent: it is shown first, and can be ended here. */}
        {overview.emergencyAccesses.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">{t("emergency.inForceTitle")}</h3>
            <ul className="divide-y divide-gray-300 rounded-lg border-2 border-red-700">
              {overview.emergencyAccesses.map((access) => (
                <li key={access.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="emergency-access">
                  <div className="space-y-1">
                    <ProfessionalLine professional={access.professional} />
                    <p>{t("emergency.reason", { reason: access.reason })}</p>
                    <p className="text-sm text-muted">{t("emergency.period", { since: dayTime(access.openedAt), until: dayTime(access.until) })}</p>
                  </div>
                  <ActionForm
                    action={endEmergencyAccessAction}
                    fields={{ professionalId: access.professional.id }}
                    label={t("emergency.end")}
                    srLabel={name(access.professional)}
                    success={t("emergency.ended")}
                    focusAfter="grants-title"
                  />
                </li>
              ))}
            </ul>
          </div>
        )}
        {active.length === 0 ? (
          overview.emergencyAccesses.length === 0 && <p className="text-muted">{t("grants.none")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
            {active.map((grant) => {
              const { scope, mode } = describe(grant);
              return (
                <li key={grant.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="grant">
                  <div className="space-y-1">
                    <ProfessionalLine professional={grant.professional} />
                    <p>
                      {scope} · {mode}
                    </p>
                    <p className="text-sm text-muted">
                      {t("grants.since", { date: day(grant.validFrom) })} · {grant.validUntil ? t("grants.until", { date: day(grant.validUntil) }) : t("grants.noEnd")}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-start gap-2">
                    <Link href={`/acces/professionnels/${grant.professional.id}`} className="rounded px-3 py-2 text-brand underline hover:bg-brand-light">
                      {t("grants.edit")}
                      <span className="sr-only"> ({name(grant.professional)})</span>
                    </Link>
                    <ActionForm
                      action={revokeAccessAction}
                      fields={{ professionalId: grant.professional.id }}
                      label={t("grants.revoke")}
                      srLabel={name(grant.professional)}
                      success={t("grants.revoked")}
                      focusAfter="grants-title"
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {ended.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">{t("grants.endedTitle")}</h3>
            <ul className="space-y-2">
              {ended.map((grant) => (
                <li key={grant.id} className="text-sm" data-testid="ended-grant">
                  <Link href={`/acces/professionnels/${grant.professional.id}`} className="text-brand underline">
                    {name(grant.professional)}
                  </Link>{" "}
                  — {t(`grants.states.${grant.state}`)}, {t("grants.ended", { date: day(grant.revokedAt ?? grant.validUntil ?? grant.validFrom) })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Section>

      <Section id="blocks-title" title={t("blocks.title")}>
        <p className="text-muted">{t("blocks.explain")}</p>
        {overview.blocks.length === 0 ? (
          <p className="text-muted">{t("blocks.none")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
            {overview.blocks.map((block) => (
              <li key={block.professional.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="block">
                <div className="space-y-1">
                  <ProfessionalLine professional={block.professional} />
                  <p className="text-sm text-muted">{t("blocks.since", { date: day(block.blockedAt) })}</p>
                </div>
                <ActionForm
                  action={unblockProfessionalAction}
                  fields={{ professionalId: block.professional.id }}
                  label={t("blocks.unblock")}
                  srLabel={name(block.professional)}
                  success={t("blocks.unblocked")}
                  focusAfter="blocks-title"
                />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="receipts-title" title={t("receipts.title")}>
        <p className="text-muted">{t("receipts.intro")}</p>
        {receipts.length === 0 ? (
          <p className="text-muted">{t("receipts.none")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
            {receipts.map((receipt) => {
              const change = t(`receipts.changes.${receipt.change}`);
              return (
                <li key={receipt.id} className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="receipt">
                  <p>
                    <span className="font-medium">{change}</span> — {receipt.professionalName}
                    <span className="block text-sm text-muted">{dayTime(receipt.createdAt)}</span>
                  </p>
                  <a href={`/api/consent/receipts/${receipt.id}`} download className="text-brand underline">
                    {t("receipts.download")}
                    <span className="sr-only"> ({t("receipts.downloadNamed", { change, name: receipt.professionalName, date: dayTime(receipt.createdAt) })})</span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}
