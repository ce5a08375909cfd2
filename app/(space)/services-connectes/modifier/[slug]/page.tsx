import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { ActionConsentForm } from "@/components/apps/action-consent-form";
import { buildChangeView } from "@/lib/server/apps/consent-view";
import { findConnection } from "@/lib/server/apps/list-connections";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { changeConnectionAction } from "../../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.manage"))("title") };
}

/** Narrowing a connection: untick scopes or categories; widening goes through a consent instead. */
export default async function ChangeConnectionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const session = await requireFullSessionForPage(`/services-connectes/modifier/${encodeURIComponent(slug)}`);
  if (!session.user.roles.includes("PATIENT")) notFound();
  const t = await getTranslations("apps.manage");
  const connection = await findConnection(await signedInPageCtx(), { slug });
  if (!connection) notFound();
  const app = connection.app.name;
  const view = buildChangeView({ app: connection.app, connection, locale: await getAppLocale() });
  return (
    <ClientMessages namespaces={["apps", "space.categories"]}>
      <div className="space-y-8">
        <div className="space-y-3">
          <h1 className="text-3xl font-bold">{t("editTitle", { app })}</h1>
          <p>{t("editIntro", { app })}</p>
          <p>
            <Link href="/services-connectes" className="text-brand underline">
              {t("back")}
            </Link>
          </p>
        </div>
        <ActionConsentForm
          view={view}
          action={changeConnectionAction}
          hidden={{ connectionId: connection.id }}
          submitLabel={t("save")}
          cancelHref="/services-connectes"
        />
      </div>
    </ClientMessages>
  );
}
