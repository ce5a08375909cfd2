import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { SecurityEventKind } from "@/lib/generated/prisma/client";
import { describeUserAgent, shortenIpAddress } from "./device";

type SecurityEventRow = { id: string; kind: SecurityEventKind; createdAt: Date; ipAddress: string | null; userAgent: string | null };

/** The account's security history, as a table a screen reader can walk by column. */
export async function SecurityEventList({ events }: { events: SecurityEventRow[] }) {
  const [t, format] = await Promise.all([getTranslations("security.events"), getFormatter()]);
  if (events.length === 0) return <p>{t("none")}</p>;
  return (
    <DataTable
      caption={t("caption", { count: events.length })}
      headers={[t("kind"), t("when"), t("place"), t("device")]}
      nowrap={[1]}
      rows={events.map((event) => ({
        key: event.id,
        cells: [
          t(`kinds.${event.kind}`),
          format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" }),
          shortenIpAddress(event.ipAddress) ?? t("unknown"),
          describeUserAgent(event.userAgent) ?? t("unknown"),
        ],
      }))}
    />
  );
}
