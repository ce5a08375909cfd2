import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/components/alerts/mark-read-button";
import { badgeClass } from "@/components/ui/field-classes";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { listAlerts } from "@/lib/server/alerts/list-alerts";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history.alerts"))("title") };
}

/** The patient's alerts (professionals' first accesses, emergency accesses), unread first, each linking to its history entry. */
export default async function AlertsPage() {
  const patient = await requirePatientForPage("/alertes");
  const [t, tHistory, tTickets, format] = await Promise.all([
    getTranslations("history.alerts"),
    getTranslations("history"),
    getTranslations("tickets"),
    getFormatter(),
  ]);
  if (!patient) return <NotPatientNotice title={t("title")} />;
  const alerts = await listAlerts(await signedInPageCtx(), { patientId: patient.patientId });
  const unread = alerts.filter((alert) => !alert.readAt).length;
  return (
    <ClientMessages namespaces={["history.alerts"]}>
      <div className="space-y-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="space-y-2">
            <h1 className="text-3xl font-bold">{t("title")}</h1>
            <p className="text-muted">{t("intro")}</p>
          </div>
          {unread > 0 && <MarkReadButton alertId="all" label={t("markAllRead")} />}
        </div>
        {alerts.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
            {alerts.map((alert) => {
              const emergency = alert.kind === "EMERGENCY_ACCESS";
              return (
                <li
                  key={alert.id}
                  data-testid="alert"
                  data-unread={!alert.readAt || undefined}
                  className={`space-y-1 px-4 py-3 ${emergency ? "border-l-8 border-red-700 bg-red-50" : ""}`}
                >
                  <p id={`alert-${alert.id}`} className={alert.readAt ? "" : "font-semibold"}>
                    {!alert.readAt && <span className={`${badgeClass} mr-1 bg-brand text-white`}>{t("unread")}</span>}
                    {!alert.readAt && " "}
                    {emergency && (
                      <span className={`${badgeClass} mr-1 border border-red-800 bg-white text-red-800`}>
                        {tHistory("entry.emergencyBadge")}
                      </span>
                    )}
                    {emergency && " "}
                    {t(`kinds.${alert.kind}`, { actor: alert.actorLabel })}
                  </p>
                  <p className="text-sm text-muted">
                    <time dateTime={alert.createdAt.toISOString()}>
                      {t("receivedAt", {
                        when: format.dateTime(alert.createdAt, { dateStyle: "long", timeStyle: "short", timeZone: PARIS_TIME_ZONE }),
                      })}
                    </time>
                  </p>
                  {/* A div, not a p: the mark-read button is a form, which a paragraph cannot hold. */}
                  <div className="flex flex-wrap items-center gap-4 text-sm">
                    {alert.historyEntryId && (
                      <Link href={`/historique?entree=${alert.historyEntryId}`} className="text-brand underline hover:no-underline">
                        {t("seeEntry")}
                      </Link>
                    )}
                    {/* A ticket's alert (a reply, an identity conflict) has no history entry: it opens the conversation (the list, for alerts older than the link). */}
                    {(alert.kind === "TICKET_REPLY" ||
                      alert.kind === "IDENTITY_CONFLICT" ||
                      alert.kind === "IDENTITY_CONFLICT_RESOLVED") && (
                      <Link
                        href={alert.ticketId ? `/support/${alert.ticketId}` : "/support"}
                        className="text-brand underline hover:no-underline"
                      >
                        {tTickets(alert.ticketId ? "alertLinkTicket" : "alertLink")}
                      </Link>
                    )}
                    {!alert.readAt && <MarkReadButton alertId={alert.id} label={t("markRead")} describedBy={`alert-${alert.id}`} />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </ClientMessages>
  );
}
