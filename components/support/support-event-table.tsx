import { getFormatter, getTranslations } from "next-intl/server";
import type { SupportAccountView } from "@/lib/server/support/get-support-account";

/** The account's latest security events as support sees them: kind, date, network part of the address. */
export async function SupportEventTable({ events }: { events: SupportAccountView["securityEvents"] }) {
  const [t, format] = await Promise.all([getTranslations("support"), getFormatter()]);
  if (events.length === 0) return <p>{t("account.noEvents")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("account.eventsCaption", { count: events.length })}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-2 pr-4">
              {t("account.eventKind")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("account.eventWhen")}
            </th>
            <th scope="col" className="py-2">
              {t("account.eventNetwork")}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b border-gray-300">
              <td className="py-2 pr-4">{t(`events.${event.kind}`)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="py-2">{event.network ?? t("account.unknownNetwork")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
