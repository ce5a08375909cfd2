import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { SupportAccountView } from "@/lib/server/support/get-support-account";

/** The account's latest security events as support sees them: kind, date, network part of the address. */
export async function SupportEventTable({ events }: { events: SupportAccountView["securityEvents"] }) {
  const [t, format] = await Promise.all([getTranslations("support"), getFormatter()]);
  if (events.length === 0) return <p>{t("account.noEvents")}</p>;
  return (
    <DataTable
      caption={t("account.eventsCaption", { count: events.length })}
      headers={[t("account.eventKind"), t("account.eventWhen"), t("account.eventNetwork")]}
      nowrap={[1]}
      rows={events.map((event) => ({
        key: event.id,
        cells: [
          t(`events.${event.kind}`),
          format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" }),
          event.network ?? t("account.unknownNetwork"),
        ],
      }))}
    />
  );
}
