import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import type { PublicApp } from "@/lib/server/catalogue/app-select";
import { AppImage } from "./app-image";
import { StatusBadge } from "./status-badge";

/**
 * The top of an app's public page: logo, name, publisher, status, summary; a banner when the app is
 * suspended or delisted, otherwise the way to connect it (through sign-in when signed out).
 */
export async function AppDetailHeader({ app, summary, signedIn }: { app: PublicApp; summary: string; signedIn: boolean }) {
  const [t, format] = await Promise.all([getTranslations("catalogue"), getFormatter()]);
  const connectPath = `/services-connectes/connecter/${app.slug}`;
  return (
    <div className="space-y-4">
      <Link href="/catalogue" className="text-brand underline">
        {t("detail.back")}
      </Link>
      <div className="flex flex-wrap items-start gap-4">
        <AppImage src={app.logoPath ?? ""} alt={t("card.logoAlt", { name: app.name })} width={96} height={96} className="h-24 w-24" />
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{app.name}</h1>
          <p className="text-muted">{t("card.by", { publisher: app.publisher })}</p>
          <p className="flex flex-wrap gap-2">
            <StatusBadge status={app.status} />
          </p>
        </div>
      </div>
      <p className="text-lg">{summary}</p>

      {app.status !== "LISTED" && (
        <div className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="status-banner">
          <p className="font-semibold">
            {t(`detail.banner.${app.status as "SUSPENDED" | "DELISTED"}`, {
              date: app.statusChangedAt ? format.dateTime(app.statusChangedAt, { dateStyle: "long", timeZone: PARIS_TIME_ZONE }) : "—",
            })}
          </p>
          {app.statusReason && <p className="mt-1">{t("detail.banner.reason", { reason: app.statusReason })}</p>}
        </div>
      )}

      {app.status === "LISTED" && (
        <p>
          <Link
            href={signedIn ? connectPath : `/connexion?callbackUrl=${encodeURIComponent(connectPath)}`}
            className={`inline-block ${buttonClass()}`}
          >
            {t("detail.connect")}
          </Link>
          {!signedIn && <span className="ml-3 text-sm text-muted">{t("detail.connectSignIn")}</span>}
        </p>
      )}
    </div>
  );
}
