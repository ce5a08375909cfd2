import { getFormatter, getTranslations } from "next-intl/server";
import type { SecurityEventKind } from "@/lib/generated/prisma/client";
import { describeUserAgent, shortenIpAddress } from "./device";

type SecurityEventRow = { id: string; kind: SecurityEventKind; createdAt: Date; ipAddress: string | null; userAgent: string | null };

/** The account's security history, as a table a screen reader can walk by column. */
export async function SecurityEventList({ events }: { events: SecurityEventRow[] }) {
  const [t, format] = await Promise.all([getTranslations("security.events"), getFormatter()]);
  if (events.length === 0) return <p>{t("none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("caption", { count: events.length })}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-2 pr-4">
              {t("kind")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("when")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("place")}
            </th>
            <th scope="col" className="py-2">
              {t("device")}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b border-gray-300">
              <td className="py-2 pr-4">{t(`kinds.${event.kind}`)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="py-2 pr-4">{shortenIpAddress(event.ipAddress) ?? t("unknown")}</td>
              <td className="py-2">{describeUserAgent(event.userAgent) ?? t("unknown")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
