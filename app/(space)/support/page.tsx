import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketSubject } from "@/components/tickets/ticket-subject";
import { DataTable } from "@/components/ui/data-table";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { listOwnTickets } from "@/lib/server/tickets/list-own-tickets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

/** "Contacter le support": the person's own requests, latest activity first, and a new one. */
export default async function SupportPage() {
  await requireFullSessionForPage("/support");
  const [t, format] = await Promise.all([getTranslations("tickets"), getFormatter()]);
  const tickets = await listOwnTickets(await signedInPageCtx());
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p>
          <Link href="/support/nouvelle" className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("newTicket")}
          </Link>
        </p>
      </div>
      <section aria-labelledby="tickets-title" className="space-y-4">
        <h2 id="tickets-title" className="text-2xl font-semibold">
          {t("listTitle")}
        </h2>
        {tickets.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <DataTable
            caption={t("caption")}
            headers={[t("columns.number"), t("columns.subject"), t("columns.status"), t("columns.lastActivity")]}
            rowHeader={1}
            nowrap={[0]}
            rows={tickets.map((ticket) => ({
              key: ticket.id,
              testId: "ticket-row",
              cells: [
                t("number", { number: String(ticket.number) }),
                <Link key="subject" href={`/support/${ticket.id}`} className="text-brand underline hover:no-underline">
                  <TicketSubject ticket={ticket} />
                </Link>,
                <TicketStatusBadge key="status" status={ticket.status} />,
                <time key="at" dateTime={ticket.lastMessageAt.toISOString()}>
                  {format.dateTime(ticket.lastMessageAt, { dateStyle: "medium", timeStyle: "short", timeZone: PARIS_TIME_ZONE })}
                </time>,
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}
