import { getFormatter, getTranslations } from "next-intl/server";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import type { TicketMessageView } from "@/lib/server/tickets/ticket-view";

/**
 * The messages of a ticket, oldest first. The requester sees "Vous" and "Le support"; an agent sees
 * who wrote each message.
 */
export async function TicketConversation({ messages, viewer }: { messages: TicketMessageView[]; viewer: "requester" | "agent" }) {
  const [t, format] = await Promise.all([getTranslations("tickets.ticket"), getFormatter()]);
  const authorOf = (message: TicketMessageView) =>
    viewer === "agent" ? message.authorLabel : message.authorRole === "SUPPORT" ? t("support") : t("you");
  return (
    <section aria-labelledby="conversation-title" className="space-y-4">
      <h2 id="conversation-title" className="text-2xl font-semibold">
        {t("conversation")}
      </h2>
      <ol className="space-y-4">
        {messages.map((message) => (
          <li
            key={message.id}
            data-testid="ticket-message"
            className={`rounded-lg border p-4 ${message.authorRole === "SUPPORT" ? "border-brand bg-brand-light" : "border-gray-300"}`}
          >
            <p className="text-sm">
              <span className="font-semibold">{authorOf(message)}</span>{" "}
              <time dateTime={message.createdAt.toISOString()} className="text-muted">
                {t("sentAt", {
                  when: format.dateTime(message.createdAt, { dateStyle: "long", timeStyle: "short", timeZone: PARIS_TIME_ZONE }),
                })}
              </time>
            </p>
            <p className="mt-2 whitespace-pre-wrap break-words">{message.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
