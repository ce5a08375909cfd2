import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { MessageForm } from "@/components/tickets/message-form";
import { TicketConversation } from "@/components/tickets/ticket-conversation";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketSubject } from "@/components/tickets/ticket-subject";
import { FormAlert } from "@/components/ui/form-alert";
import { LiveRegion } from "@/components/ui/live-region";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { getOwnTicket } from "@/lib/server/tickets/get-own-ticket";
import { closeOwnTicketAction, replyOwnTicketAction } from "../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

/** One of the person's requests: its messages, a reply, closing it. Anyone else's is a 404. */
export default async function OwnTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireFullSessionForPage(`/support/${encodeURIComponent(id)}`);
  const ticket = await getOwnTicket(await signedInPageCtx(), { ticketId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("tickets"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: PARIS_TIME_ZONE });
  const closed = ticket.status === "CLOSED";
  return (
    <ClientMessages namespaces={["access.blocks", "security.form", "security.reauth"]}>
      <LiveRegion>
        <div className="space-y-8">
          <p>
            <Link href="/support" className="text-brand underline hover:no-underline">
              {t("ticket.back")}
            </Link>
          </p>
          <div className="space-y-3">
            <h1 id="ticket-title" tabIndex={-1} className="text-3xl font-bold">
              {t("ticket.heading", { number: String(ticket.number) })}
            </h1>
            <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t("ticket.subject")}</dt>
              <dd>
                <TicketSubject ticket={ticket} />
              </dd>
              <dt className="font-medium">{t("ticket.topic")}</dt>
              <dd>{t(`topics.${ticket.topic}`)}</dd>
              <dt className="font-medium">{t("ticket.status")}</dt>
              <dd data-testid="ticket-status">
                <TicketStatusBadge status={ticket.status} />
              </dd>
              <dt className="font-medium">{t("ticket.openedAt")}</dt>
              <dd>{when(ticket.createdAt)}</dd>
            </dl>
            {ticket.documentId && (
              <p data-testid="ticket-document">
                {t("ticket.document", { reference: ticket.documentId.slice(0, 8) })}{" "}
                <Link href={`/documents/${ticket.documentId}`} className="text-brand underline hover:no-underline">
                  {t("ticket.openDocument")}
                </Link>
              </p>
            )}
          </div>

          <TicketConversation messages={ticket.messages} viewer="requester" />

          {closed ? (
            <FormAlert kind="info">{t("ticket.closedNotice")}</FormAlert>
          ) : (
            <>
              <section aria-labelledby="reply-title" className="space-y-4">
                <h2 id="reply-title" className="text-2xl font-semibold">
                  {t("ticket.replyTitle")}
                </h2>
                <MessageForm
                  action={replyOwnTicketAction}
                  ticketId={ticket.id}
                  label={t("ticket.reply")}
                  hint={t("form.messageHint")}
                  send={t("ticket.send")}
                  sent={t("ticket.sent")}
                />
              </section>
              <section aria-labelledby="close-title" className="space-y-4">
                <h2 id="close-title" className="text-2xl font-semibold">
                  {t("ticket.closeTitle")}
                </h2>
                <ActionForm
                  action={closeOwnTicketAction}
                  fields={{ ticketId: ticket.id }}
                  label={t("ticket.close")}
                  success={t("ticket.closedDone")}
                  focusAfter="ticket-title"
                  confirm={{ warning: t("ticket.closeWarning"), label: t("ticket.closeConfirm") }}
                />
              </section>
            </>
          )}
        </div>
      </LiveRegion>
    </ClientMessages>
  );
}
