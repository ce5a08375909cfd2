import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DisconnectForm } from "@/components/apps/disconnect-form";
import { SCOPE_KEYS } from "@/components/apps/scope-keys";
import { FormAlert } from "@/components/ui/form-alert";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { TECHNICAL_SCOPES, type SmartScope } from "@/lib/oauth/smart-scopes";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { listConnections, type ConnectionSummary } from "@/lib/server/apps/list-connections";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { acceptAppRequestAction, declineAppRequestAction, disconnectAppAction } from "./actions";
import { AppRequestForm } from "./app-request-form";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.manage"))("title") };
}

const STATUS_MESSAGES = {
  connecte: "manage.connected",
  modifie: "manage.changed",
  accepte: "reconsent.accepted",
  garde: "reconsent.declined",
} as const;

/** The patient's connected apps: what each may do, since when, last use, its catalogue status; change or disconnect. */
export default async function ConnectedAppsPage({ searchParams }: { searchParams: Promise<{ statut?: string }> }) {
  const patient = await requirePatientForPage("/services-connectes");
  const t = await getTranslations("apps");
  const header = (
    <div className="space-y-3">
      <h1 className="text-3xl font-bold">{t("manage.title")}</h1>
      <p className="text-muted">{t("manage.intro")}</p>
      <p>
        <Link href="/catalogue" className="text-brand underline">
          {t("manage.catalogueLink")}
        </Link>
      </p>
    </div>
  );
  if (!patient) return <NotPatientNotice title={t("manage.title")} />;
  const [connections, format, tCategories, { statut }, locale] = await Promise.all([
    listConnections(await signedInPageCtx()),
    getFormatter(),
    getTranslations("space.categories"),
    searchParams,
    getAppLocale(),
  ]);
  const awaiting = connections.filter((connection) => connection.asks.scopes.length + connection.asks.categories.length > 0);
  const status = statut && statut in STATUS_MESSAGES ? STATUS_MESSAGES[statut as keyof typeof STATUS_MESSAGES] : null;
  const dayTime = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  return (
    <ClientMessages namespaces={["apps.manage", "apps.reconsent", "security.form", "security.reauth"]}>
      <div className="space-y-8">
        {header}
        {status && <FormAlert kind="success">{t(status)}</FormAlert>}
        {awaiting.length > 0 && (
          <section aria-labelledby="reconsent-title" className="space-y-4">
            <h2 id="reconsent-title" tabIndex={-1} className="text-2xl font-bold">
              {t("reconsent.title")}
            </h2>
            <p>{t("reconsent.intro")}</p>
            <ul className="space-y-4">
              {awaiting.map((connection) => (
                <li
                  key={connection.id}
                  className="space-y-3 rounded-lg border-l-4 border-brand bg-brand-light p-4"
                  data-testid="app-request"
                >
                  <p className="font-semibold">{t("reconsent.asks", { app: connection.app.name })}</p>
                  <ul className="list-disc pl-6">
                    {askedLines(connection, locale).map((line) => (
                      <li key={line.key}>
                        {line.scope
                          ? t(`scopes.${SCOPE_KEYS[line.scope] ?? "patientRead"}`)
                          : t("reconsent.categories", { list: line.categories.map((category) => tCategories(category)).join(", ") })}
                        {line.purpose && <span> — {line.purpose}</span>}
                      </li>
                    ))}
                  </ul>
                  <AppRequestForm
                    connectionId={connection.id}
                    appName={connection.app.name}
                    accept={acceptAppRequestAction}
                    decline={declineAppRequestAction}
                  />
                  <p className="text-sm">{t("reconsent.or")}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="connections-title" className="space-y-4">
          <h2 id="connections-title" tabIndex={-1} className="text-2xl font-bold">
            {t("manage.listLabel")}
          </h2>
          {connections.length === 0 ? (
            <p className="text-muted">{t("manage.none")}</p>
          ) : (
            <ul className="space-y-4">
              {connections.map((connection) => {
                const app = connection.app;
                const blocked = app.status !== "LISTED";
                const dataScopes = connection.scopes.filter((scope) => !TECHNICAL_SCOPES.includes(scope as SmartScope));
                return (
                  <li key={connection.id} className="space-y-3 rounded-lg border border-gray-300 p-4" data-testid="connected-app">
                    <div>
                      <h3 className="text-xl font-semibold">
                        <Link href={`/catalogue/${app.slug}`} className="text-brand underline">
                          {app.name}
                        </Link>
                      </h3>
                      <p className="text-sm text-muted">{t("manage.publisher", { publisher: app.publisher })}</p>
                    </div>
                    {blocked && (
                      <div
                        className="space-y-1 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900"
                        data-testid="app-status"
                      >
                        <p className="font-semibold">{t("manage.statusLabel", { status: t(`manage.statuses.${app.status}`) })}</p>
                        <p>{t("manage.blocked")}</p>
                        {app.statusReason && <p>{t("manage.reason", { reason: app.statusReason })}</p>}
                      </div>
                    )}
                    <div>
                      <p className="font-medium">{t("manage.mayDo")}</p>
                      <ul className="list-disc pl-6">
                        {dataScopes.map((scope) => (
                          <li key={scope}>
                            {scope === "patient/DocumentReference.rs"
                              ? `${t("scopes.documentsReadShort")} — ${
                                  connection.categories.length > 0
                                    ? t("manage.categories", {
                                        list: connection.categories.map((category) => tCategories(category)).join(", "),
                                      })
                                    : t("manage.noCategories")
                                }`
                              : t(`scopes.${SCOPE_KEYS[scope] ?? "patientRead"}`)}
                          </li>
                        ))}
                        {connection.scopes.includes("offline_access") && <li>{t("scopes.offlineAccess")}</li>}
                      </ul>
                    </div>
                    <p className="text-sm text-muted">
                      {t("manage.connectedOn", { date: dayTime(connection.connectedAt) })} ·{" "}
                      {connection.lastUsedAt ? t("manage.lastUsed", { date: dayTime(connection.lastUsedAt) }) : t("manage.neverUsed")}
                    </p>
                    <div className="flex flex-wrap items-start gap-3">
                      <Link
                        href={`/services-connectes/modifier/${app.slug}`}
                        className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-brand-light"
                      >
                        {t("manage.edit")}
                        <span className="sr-only"> ({app.name})</span>
                      </Link>
                      <DisconnectForm
                        connectionId={connection.id}
                        appName={app.name}
                        action={disconnectAppAction}
                        focusAfter="connections-title"
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}

/** What an app now asks, one line each: a scope with its stated purpose, then the new document categories. */
function askedLines(connection: ConnectionSummary, locale: string) {
  const purposes = readScopePurposes(connection.app.scopePurposes);
  const scopes = connection.asks.scopes.map((scope) => ({
    key: scope,
    scope,
    categories: [] as ConnectionSummary["categories"],
    purpose: (locale === "en" ? purposes[scope]?.en || purposes[scope]?.fr : purposes[scope]?.fr) ?? null,
  }));
  const categories = connection.asks.categories.length
    ? [{ key: "categories", scope: null, categories: connection.asks.categories, purpose: null }]
    : [];
  return [...scopes, ...categories];
}
