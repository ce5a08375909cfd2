import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { describeGrant } from "@/components/access/describe-grant";
import { GrantForm } from "@/components/access/grant-form";
import { ProfessionalLine } from "@/components/access/professional-line";
import { parisDay } from "@/lib/consent/paris-date";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { getProfessionalAccess, type ProfessionalAccess } from "@/lib/server/consent/get-professional-access";
import { listGrantableDocuments } from "@/lib/server/consent/list-grantable-documents";
import { DOCTOR_PROFESSION } from "@/lib/server/consent/set-treating-doctor";
import { AppError } from "@/lib/server/errors";
import { blockProfessionalAction, revokeAccessAction, setTreatingDoctorAction, unblockProfessionalAction } from "../../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("title") };
}

/** One professional of the directory: grant or change access, revoke, designate, block or unblock. */
export default async function ProfessionalPage({ params }: { params: Params }) {
  const { id } = await params;
  const session = await requireFullSessionForPage(`/acces/professionnels/${encodeURIComponent(id)}`);
  const t = await getTranslations("access");
  if (!session.user.roles.includes("PATIENT")) notFound();
  const ctx = await signedInPageCtx();
  const patient = { patientId: session.user.id };
  let access: ProfessionalAccess;
  try {
    access = await getProfessionalAccess(ctx, { patientId: session.user.id, professionalId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [documents, format, tScope, tCategories] = await Promise.all([
    listGrantableDocuments(ctx, patient),
    getFormatter(),
    getTranslations("access.scope"),
    getTranslations("space.categories"),
  ]);
  const { professional, grant, blocked, isTreatingDoctor, emergencyAccess } = access;
  const dayTime = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const name = `${professional.firstName} ${professional.lastName}`;
  const active = grant?.state === "active" ? grant : null;
  const described = active ? describeGrant(active, tScope, (category) => tCategories(category)) : null;

  return (
    <ClientMessages namespaces={["access.blocks", "access.form", "security.form", "security.reauth", "space.categories"]}>
      <div className="space-y-10">
        <div className="space-y-3">
          <p className="flex flex-wrap gap-4">
            <Link href="/acces" className="text-brand underline">
              {t("backToAccess")}
            </Link>
            <Link href="/acces/professionnels" className="text-brand underline">
              {t("findProfessional")}
            </Link>
          </p>
          <h1 className="text-3xl font-bold">{name}</h1>
          <ProfessionalLine professional={professional} />
        </div>

        <section aria-labelledby="status-title" className="space-y-3">
          <h2 id="status-title" tabIndex={-1} className="text-2xl font-bold">
            {t("professional.status")}
          </h2>
          <ul className="list-disc space-y-1 pl-6" data-testid="professional-status">
            {isTreatingDoctor && <li>{t("treating.isTreating")}</li>}
            {blocked && <li>{t("professional.isBlocked")}</li>}
            {emergencyAccess && (
              <li>
                {t("professional.hasEmergencyAccess", {
                  since: dayTime(emergencyAccess.openedAt),
                  until: dayTime(emergencyAccess.until),
                  reason: emergencyAccess.reason,
                })}
              </li>
            )}
            {!blocked && (active || !emergencyAccess) && (
              <li>
                {active && described
                  ? t("professional.hasAccess", {
                      scope: described.scope,
                      mode: described.mode,
                      until: active.validUntil
                        ? t("grants.until", { date: format.dateTime(active.validUntil, { dateStyle: "long" }) })
                        : t("grants.noEnd"),
                    })
                  : t("professional.noAccess")}
              </li>
            )}
          </ul>
          <div className="flex flex-wrap gap-3">
            {/* Ends the consent and the emergency access alike: afterwards they see nothing. */}
            {(active || emergencyAccess) && (
              <ActionForm
                action={revokeAccessAction}
                fields={{ professionalId: professional.id }}
                label={t("grants.revoke")}
                srLabel={name}
                success={t("grants.revoked")}
                focusAfter="status-title"
              />
            )}
            {!blocked && !isTreatingDoctor && professional.profession === DOCTOR_PROFESSION && (
              <ActionForm
                action={setTreatingDoctorAction}
                fields={{ professionalId: professional.id }}
                label={t("treating.set")}
                success={t("treating.done")}
                focusAfter="status-title"
              />
            )}
          </div>
        </section>

        {!blocked && (
          <section aria-labelledby="grant-title" className="space-y-4">
            <h2 id="grant-title" className="text-2xl font-bold">
              {active ? t("professional.editTitle") : t("professional.grantTitle")}
            </h2>
            <GrantForm
              target={{ kind: "grant", professionalId: professional.id }}
              idPrefix="grant"
              professionalName={name}
              documents={documents.map((document) => ({
                id: document.id,
                title: document.title,
                category: document.category,
                date: format.dateTime(document.documentDate, { dateStyle: "medium", timeZone: "UTC" }),
                hidden: document.hiddenFromProfessionals,
              }))}
              initial={
                active
                  ? {
                      scope: active.scope,
                      categories: active.categories,
                      documentIds: active.documentIds,
                      canAdd: active.canAdd,
                      validUntil: active.validUntil ? parisDay(active.validUntil) : null,
                    }
                  : undefined
              }
              today={parisDay(new Date())}
              submitLabel={active ? t("form.submitChange") : t("form.submitGrant")}
            />
          </section>
        )}

        <section aria-labelledby="block-title" className="space-y-3">
          <h2 id="block-title" tabIndex={-1} className="text-2xl font-bold">
            {t("professional.blockTitle")}
          </h2>
          <p className="text-muted">{t("blocks.explain")}</p>
          {blocked ? (
            <ActionForm
              key="unblock"
              action={unblockProfessionalAction}
              fields={{ professionalId: professional.id }}
              label={t("blocks.unblock")}
              srLabel={name}
              success={t("blocks.unblocked")}
              focusAfter="block-title"
            />
          ) : (
            <ActionForm
              key="block"
              action={blockProfessionalAction}
              fields={{ professionalId: professional.id }}
              label={t("blocks.block")}
              success={t("blocks.blocked")}
              focusAfter="block-title"
              confirm={{ warning: t("blocks.blockWarning"), label: t("blocks.blockConfirm", { name }) }}
            />
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
