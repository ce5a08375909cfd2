import { getTranslations } from "next-intl/server";
import { badgeClass } from "@/components/ui/field-classes";
import type { CatalogAppStatus } from "@/lib/generated/prisma/enums";

const STYLES: Record<CatalogAppStatus, string> = {
  LISTED: "bg-green-100 text-green-900",
  SUBMITTED: "bg-brand-light text-ink",
  REFUSED: "bg-gray-200 text-ink",
  SUSPENDED: "border border-red-800 bg-red-50 text-red-900",
  DELISTED: "bg-gray-800 text-white",
};

/** The status in words (and colour, never colour alone). */
export async function StatusBadge({ status }: { status: CatalogAppStatus }) {
  const t = await getTranslations("catalogue.statuses");
  return <span className={`${badgeClass} ${STYLES[status]}`}>{t(status)}</span>;
}
