import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { IdentityConflictPanel } from "@/components/identity/identity-conflict-panel";
import { AssignForm } from "@/components/tickets/assign-form";
import { MessageForm } from "@/components/tickets/message-form";
import { TicketConversation } from "@/components/tickets/ticket-conversation";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketSubject } from "@/components/tickets/ticket-subject";
import { FormAlert } from "@/components/ui/form-alert";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { getIdentityConflictForTicket } from "@/lib/server/identity/get-identity-conflict";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { getAgentTicket } from "@/lib/server/tickets/get-agent-ticket";
import { listSupportAgents } from "@/lib/server/tickets/list-support-agents";
import { answerTicketAction, assignTicketAction, resolveIdentityConflictAction, setTicketClosedAction } from "../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets.admin"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * One ticket for an agent: who asked (and a link to their account), who holds it, the conversation,
 * and the actions. A document appears as its id alone: no title, no link to its content. An identity
 * conflict's ticket shows both spaces and the decision to take.
 */
export default async function AgentTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffForPage(`/admin/tickets/${encodeURIComponent(id)}`, "support:tickets");
  const ctx = await pageCtx();
  const [ticket, agents] = await Promise.all([
    getAgentTicket(ctx, { staff, ticketId: id }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    listSupportAgents(ctx, { staff }),
  ]);
  const identityConflict = ticket.topic === "IDENTITY" ? await getIdentityConflictForTicket(ctx, { staff, ticketId: ticket.id }) : null;
  const [t, tTickets, format] = await Promise.all([getTranslations("tickets.admin"), getTranslations("tickets"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: PARIS_TIME_ZONE });
  const closed = ticket.status === "CLOSED";
  return (
    <ClientMessages namespaces={["access.blocks", "identity.support", "security.form", "security.reauth", "tickets.admin"]}>
      <div className="space-y-8">
        <p>
          <Link href="/admin/tickets" className="text-brand underline hover:no-underline">
            {t("back")}
          </Link>
        </p>
        <div className="space-y-3">
          <h1 id="ticket-title" tabIndex={-1} className="text-3xl font-bold">
            {tTickets("ticket.heading", { number: String(ticket.number) })}
          </h1>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{tTickets("ticket.subject")}</dt>
            <dd>
              <TicketSubject ticket={ticket} />
            </dd>
            <dt className="font-medium">{tTickets("ticket.topic")}</dt>
            <dd>{tTickets(`topics.${ticket.topic}`)}</dd>
            <dt className="font-medium">{tTickets("ticket.status")}</dt>
            <dd data-testid="ticket-status">
              <TicketStatusBadge status={ticket.status} />
            </dd>
            <dt className="font-medium">{t("ticket.requester")}</dt>
            <dd>
              {ticket.requester.name} ·{" "}
              <Link href={`/admin/comptes/${ticket.requester.id}`} className="text-brand underline hover:no-underline">
                {t("ticket.account", { name: ticket.requester.name })}
              </Link>
            </dd>
            <dt className="font-medium">{t("ticket.email")}</dt>
            <dd>{ticket.requester.email}</dd>
            <dt className="font-medium">{t("ticket.assignee")}</dt>
            <dd data-testid="ticket-assignee">{ticket.assignee?.name ?? t("nobody")}</dd>
            <dt className="font-medium">{tTickets("ticket.openedAt")}</dt>
            <dd>{when(ticket.createdAt)}</dd>
            <dt className="font-medium">{tTickets("ticket.lastActivity")}</dt>
            <dd>{when(ticket.lastMessageAt)}</dd>
          </dl>
          {ticket.documentId && (
            <div data-testid="ticket-document" className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
              <p>{tTickets("ticket.document", { reference: ticket.documentId.slice(0, 8) })}</p>
              <p className="text-sm">
                {t("ticket.fullReference")} : <code>{ticket.documentId}</code>
              </p>
              <p className="text-sm text-muted">{t("ticket.documentNote")}</p>
            </div>
          )}
        </div>

        {identityConflict && <IdentityConflictPanel conflict={identityConflict} action={resolveIdentityConflictAction} />}

        <TicketConversation messages={ticket.messages} viewer="agent" />

        <Section id="reply-title" title={t("ticket.replyTitle")}>
          {closed ? (
            <FormAlert kind="info">{t("ticket.closedNotice")}</FormAlert>
          ) : (
            <MessageForm
              action={answerTicketAction}
              ticketId={ticket.id}
              label={t("ticket.reply")}
              hint={t("ticket.replyHint")}
              send={t("ticket.send")}
              sent={t("ticket.sent")}
            />
          )}
        </Section>

        <Section id="assign-title" title={t("ticket.assignTitle")}>
          <div className="flex flex-wrap gap-3">
            {ticket.assignee?.id !== staff.userId && (
              <ActionForm
                action={assignTicketAction}
                fields={{ ticketId: ticket.id, assigneeId: staff.userId }}
                label={t("ticket.assignMe")}
                success={t("ticket.assigned")}
              />
            )}
            {ticket.assignee && (
              <ActionForm
                action={assignTicketAction}
                fields={{ ticketId: ticket.id, assigneeId: "" }}
                label={t("ticket.unassign")}
                success={t("ticket.assigned")}
                variant="link"
              />
            )}
          </div>
          <AssignForm action={assignTicketAction} ticketId={ticket.id} agents={agents} currentId={ticket.assignee?.id ?? null} />
        </Section>

        <Section id="status-title" title={t("ticket.statusTitle")}>
          {closed ? (
            <ActionForm
              action={setTicketClosedAction}
              fields={{ ticketId: ticket.id, closed: "false" }}
              label={t("ticket.reopen")}
              success={t("ticket.reopened")}
              focusAfter="ticket-title"
            />
          ) : (
            <ActionForm
              action={setTicketClosedAction}
              fields={{ ticketId: ticket.id, closed: "true" }}
              label={t("ticket.close")}
              success={t("ticket.closedDone")}
              focusAfter="ticket-title"
            />
          )}
        </Section>
      </div>
    </ClientMessages>
  );
}
