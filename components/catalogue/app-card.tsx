import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { badgeClass } from "@/components/ui/field-classes";
import { dataKindsOf } from "@/lib/catalogue/data-kinds";
import type { CatalogueCard } from "@/lib/server/catalogue/app-select";
import { AppImage } from "./app-image";
import { StatusBadge } from "./status-badge";

/** One app in the catalogue's list: a heading that links to its page, its publisher, summary and flags. */
export async function AppCard({ app }: { app: CatalogueCard }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getAppLocale()]);
  const kinds = dataKindsOf(app.requestedScopes);
  return (
    <li className="flex gap-4 rounded-lg border border-gray-300 p-4" data-testid="catalogue-card">
      <AppImage
        src={app.logoPath ?? ""}
        alt={t("card.logoAlt", { name: app.name })}
        width={64}
        height={64}
        className="h-16 w-16 shrink-0"
      />
      <div className="min-w-0 space-y-2">
        <h3 className="text-lg font-semibold">
          <Link href={`/catalogue/${app.slug}`} className="text-brand underline hover:no-underline">
            {app.name}
          </Link>
        </h3>
        <p className="text-sm text-muted">{t("card.by", { publisher: app.publisher })}</p>
        <p>{locale === "en" ? app.summaryEn : app.summaryFr}</p>
        <ul className="flex flex-wrap gap-2" aria-label={t("card.flagsLabel", { name: app.name })}>
          {app.status !== "LISTED" && (
            <li>
              <StatusBadge status={app.status} />
            </li>
          )}
          <li className={`${badgeClass} bg-brand-light text-ink`}>{t(`themes.${app.theme}`)}</li>
          <li className={`${badgeClass} bg-gray-100 text-ink`}>{t(`priceModels.${app.priceModel}`)}</li>
          {app.medicalDevice && <li className={`${badgeClass} bg-gray-100 text-ink`}>{t("flags.medicalDevice")}</li>}
          {app.connectedDevice && <li className={`${badgeClass} bg-gray-100 text-ink`}>{t("flags.connectedDevice")}</li>}
          <li className={`${badgeClass} bg-gray-100 text-ink`}>
            {app.regions.length === 0 ? t("card.national") : t("card.regional", { count: app.regions.length })}
          </li>
        </ul>
        <p className="text-sm">
          {kinds.length ? t("card.data", { kinds: kinds.map((kind) => t(`dataKinds.${kind}`)).join(", ") }) : t("card.noData")}
        </p>
      </div>
    </li>
  );
}
