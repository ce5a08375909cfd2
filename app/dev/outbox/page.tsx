import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/server/config";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { listRecentMessages } from "@/lib/server/messaging/list-recent-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title"), robots: { index: false, follow: false } };
}

/**
 * Development only: the mail and SMS the app has queued, so a newcomer without SMTP can read their
 * confirmation code. It needs no session, so in production it does not exist at all. Never cached:
 * the proxy marks every response no-store, and connection() keeps the page out of static rendering.
 */
export default async function OutboxPage() {
  await connection();
  if (getConfig().isProduction) notFound();

  const [t, format, messages] = await Promise.all([getTranslations("outbox"), getFormatter(), listRecentMessages(await pageCtx())]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium" });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      </div>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="space-y-4" aria-label={t("listLabel")}>
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-gray-300 p-4" data-testid="outbox-message">
              <h2 className="text-lg font-semibold">{message.subject ?? t("noSubject")}</h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium">{t("channel")}</dt>
                <dd>{t(`channel_${message.channel}`)}</dd>
                <dt className="font-medium">{t("recipient")}</dt>
                <dd className="break-all">{message.recipient}</dd>
                <dt className="font-medium">{t("created")}</dt>
                <dd>{when(message.createdAt)}</dd>
                <dt className="font-medium">{t("status")}</dt>
                <dd>{message.sentAt ? t("sent", { date: when(message.sentAt) }) : t("pending")}</dd>
              </dl>
              <pre className="mt-3 rounded bg-surface p-3 font-mono text-sm whitespace-pre-wrap break-words">{message.body}</pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
