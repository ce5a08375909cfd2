import { useTranslations } from "next-intl";
import { badgeClass } from "@/components/ui/field-classes";
import type { TicketStatus } from "@/lib/generated/prisma/client";

const STYLES: Record<TicketStatus, string> = {
  OPEN: "border border-amber-800 bg-amber-50 text-amber-900",
  ANSWERED: "border border-green-800 bg-green-50 text-green-900",
  CLOSED: "border border-gray-600 bg-gray-100 text-gray-800",
};

/** A ticket's status in words (colour only repeats them). */
export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const t = useTranslations("tickets.statuses");
  return <span className={`${badgeClass} ${STYLES[status]}`}>{t(status)}</span>;
}
