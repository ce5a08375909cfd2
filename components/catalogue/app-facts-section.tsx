import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import { isRegion } from "@/lib/catalogue/regions";
import type { PublicApp } from "@/lib/server/catalogue/app-select";

/** An app's facts on its public page (publisher, theme, price, device flags, regions) and its links. */
export async function AppFactsSection({ app }: { app: PublicApp }) {
  const t = await getTranslations("catalogue");
  const yesNo = (value: boolean) => (value ? t("detail.yes") : t("detail.no"));
  const links = [
    { href: app.websiteUrl, label: t("detail.website") },
    app.androidUrl && { href: app.androidUrl, label: t("detail.android") },
    app.iosUrl && { href: app.iosUrl, label: t("detail.ios") },
    app.termsUrl && { href: app.termsUrl, label: t("detail.terms") },
    app.contactEmail && { href: `mailto:${app.contactEmail}`, label: t("detail.contact", { email: app.contactEmail }) },
  ].filter((link): link is { href: string; label: string } => Boolean(link));
  return (
    <Section id="facts-title" title={t("detail.factsTitle")}>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("detail.publisher")}</dt>
        <dd>{app.publisher}</dd>
        <dt className="font-semibold">{t("detail.theme")}</dt>
        <dd>{t(`themes.${app.theme}`)}</dd>
        <dt className="font-semibold">{t("detail.price")}</dt>
        <dd>{t(`priceModels.${app.priceModel}`)}</dd>
        <dt className="font-semibold">{t("flags.medicalDevice")}</dt>
        <dd>{yesNo(app.medicalDevice)}</dd>
        <dt className="font-semibold">{t("flags.connectedDevice")}</dt>
        <dd>{yesNo(app.connectedDevice)}</dd>
        <dt className="font-semibold">{t("detail.regions")}</dt>
        <dd>
          {app.regions.length === 0
            ? t("card.national")
            : app.regions.map((region) => (isRegion(region) ? t(`regions.${region}`) : region)).join(", ")}
        </dd>
      </dl>
      <ul className="flex flex-wrap gap-4">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} className="text-brand underline" rel="noopener noreferrer">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
