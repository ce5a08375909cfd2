import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketSubject } from "@/components/tickets/ticket-subject";
import { buttonClass } from "@/components/ui/button";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { listTicketQueue } from "@/lib/server/tickets/list-ticket-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets.admin"))("title") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The agents' queue: filters in the address (a plain GET form, so a filtered queue can be shared or
 * reloaded), latest activity first, "more" by keyset. Metadata only: numbers, subjects, names.
 */
export default async function TicketQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffForPage("/admin/tickets", "support:tickets");
  const params = await searchParams;
  const { query, rows, next } = await listTicketQueue(await pageCtx(), {
    staff,
    query: { status: first(params.status), assigned: first(params.assigned), after: first(params.after) },
  });
  const [t, tTickets, format] = await Promise.all([getTranslations("tickets.admin"), getTranslations("tickets"), getFormatter()]);
  const filters = { status: query.status, assigned: query.assigned };
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>

      <form method="get" action="/admin/tickets" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="queue-status" className={labelClass}>
            {t("filters.status")}
          </label>
          <select id="queue-status" name="status" defaultValue={query.status} className={fieldClass}>
            {(["open", "answered", "closed", "all"] as const).map((value) => (
              <option key={value} value={value}>
                {t(`filters.statusOptions.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-assigned" className={labelClass}>
            {t("filters.assigned")}
          </label>
          <select id="queue-assigned" name="assigned" defaultValue={query.assigned} className={fieldClass}>
            {(["all", "mine", "unassigned"] as const).map((value) => (
              <option key={value} value={value}>
                {t(`filters.assignedOptions.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
      </form>

      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-gray-400">
                {(["number", "subject", "topic", "requester", "status", "assignee", "lastActivity"] as const).map((column) => (
                  <th key={column} scope="col" className="px-3 py-2">
                    {t(`columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="queue-row" className="border-b border-gray-200">
                  <td className="px-3 py-2 whitespace-nowrap">{tTickets("number", { number: String(row.number) })}</td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link href={`/admin/tickets/${row.id}`} className="text-brand underline hover:no-underline">
                      <TicketSubject ticket={row} />
                    </Link>
                  </th>
                  <td className="px-3 py-2">{tTickets(`topics.${row.topic}`)}</td>
                  <td className="px-3 py-2">{row.requesterName}</td>
                  <td className="px-3 py-2">
                    <TicketStatusBadge status={row.status} />
                  </td>
                  <td className="px-3 py-2">{row.assigneeName ?? t("nobody")}</td>
                  <td className="px-3 py-2">
                    <time dateTime={row.lastMessageAt.toISOString()}>
                      {format.dateTime(row.lastMessageAt, { dateStyle: "medium", timeStyle: "short", timeZone: PARIS_TIME_ZONE })}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="flex flex-wrap gap-6">
        {query.after && (
          <Link href={{ pathname: "/admin/tickets", query: filters }} className="text-brand underline hover:no-underline">
            {t("first")}
          </Link>
        )}
        {next && (
          <Link
            href={{ pathname: "/admin/tickets", query: { ...filters, after: next } }}
            className="text-brand underline hover:no-underline"
          >
            {t("more")}
          </Link>
        )}
      </p>
    </div>
  );
}
