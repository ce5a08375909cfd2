import { getFormatter, getTranslations } from "next-intl/server";
import { revokeClientAction } from "@/app/admin/catalogue/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import type { AppForCuration } from "@/lib/server/catalogue/get-app-for-curation";
import { OAuthClientForm } from "./oauth-client-form";

/** An app's OAuth clients for the curators: each with its redirect URIs and a revoke button, then the form for a new one. */
export async function OAuthClientsSection({ app }: { app: Pick<AppForCuration, "id" | "clients"> }) {
  const [t, format] = await Promise.all([getTranslations("catalogue.curation"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: PARIS_TIME_ZONE });
  return (
    <Section id="clients-title" title={t("clients.title")} focusable>
      <p className="text-muted">{t("clients.intro")}</p>
      {app.clients.length === 0 ? (
        <p>{t("clients.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" data-testid="oauth-clients">
          {app.clients.map((client) => (
            <li key={client.id} className="space-y-2 p-4" data-testid="oauth-client">
              <p>
                <code className="font-semibold">{client.clientId}</code> · {t(`clients.types.${client.type}`)} ·{" "}
                {client.revokedAt ? (
                  <span className="font-medium text-red-800">{t("clients.revokedOn", { date: day(client.revokedAt) })}</span>
                ) : (
                  t("clients.registeredOn", { date: day(client.createdAt) })
                )}
              </p>
              <ul className="list-inside list-disc text-sm">
                {client.redirectUris.map((uri) => (
                  <li key={uri} className="font-mono break-all">
                    {uri}
                  </li>
                ))}
              </ul>
              {!client.revokedAt && (
                <ActionForm
                  action={revokeClientAction}
                  fields={{ appId: app.id, clientId: client.id }}
                  label={t("clients.revoke")}
                  srLabel={t("clients.revokeLabel", { clientId: client.clientId })}
                  success={t("clients.revoked", { clientId: client.clientId })}
                  focusAfter="clients-title"
                  confirm={{ warning: t("clients.revokeWarning"), label: t("clients.revokeConfirm") }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="text-xl font-semibold">{t("clients.newTitle")}</h3>
      <OAuthClientForm appId={app.id} />
    </Section>
  );
}
