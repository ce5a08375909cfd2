import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { listRecentDocuments } from "@/lib/server/documents/list-recent-documents";
import { ensureSpaceCode } from "@/lib/server/patients/space-code";
import { actorOf } from "@/lib/server/policy/policy";
import { togglePinAction } from "./actions";
import { PinButton } from "./pin-button";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("space"))("title") };
}

export default async function SpacePage() {
  const session = await requireFullSessionForPage("/espace");
  const [t, tPro, tIdentity, format] = await Promise.all([
    getTranslations("space"),
    getTranslations("pro.spaceCode"),
    getTranslations("identity"),
    getFormatter(),
  ]);
  const isPatient = session.user.roles.includes("PATIENT");
  const [documents, spaceCode] = isPatient
    ? await Promise.all([
        listRecentDocuments(getDb(), { actor: actorOf(session), ownerId: session.user.id }),
        ensureSpaceCode(getDb(), session.user.id),
      ])
    : [[], null];
  return (
    <ClientMessages namespaces={["space.pin", "space.unpin"]}>
      <div className="space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-lg">{t("greeting", { firstName: session.user.firstName })}</p>
        </div>
        {spaceCode && (
          <section aria-labelledby="space-code-title" className="rounded-lg border border-gray-300 bg-surface p-4">
            <h2 id="space-code-title" className="text-xl font-semibold">
              {tPro("title")}
            </h2>
            <p className="mt-2" data-testid="space-code">
              {tPro.rich("text", { code: spaceCode, strong: (chunks) => <strong className="font-mono tracking-wider">{chunks}</strong> })}
            </p>
            <p className="mt-1 text-sm text-muted">{tPro("why")}</p>
            <p className="mt-2">
              <Link href="/identite" className="text-brand underline hover:no-underline">
                {tIdentity("title")}
              </Link>
            </p>
          </section>
        )}
        {isPatient ? (
          <section aria-labelledby="recent-documents">
            <h2 id="recent-documents" className="text-2xl font-semibold">
              {t("documentsTitle")}
            </h2>
            {documents.length === 0 ? (
              <p className="mt-4 text-muted">{t("noDocuments")}</p>
            ) : (
              <ul className="mt-4 divide-y divide-gray-300 rounded-lg border border-gray-300">
                {documents.map((document) => (
                  <li key={document.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <div>
                      <p className="font-medium">
                        <Link href={`/documents/${document.id}`} className="text-brand underline hover:no-underline">
                          {document.title}
                        </Link>
                        {document.pinned && <span className="ml-2 rounded bg-brand-light px-2 py-0.5 text-xs">{t("pinned")}</span>}
                      </p>
                      <p className="text-sm text-muted">
                        {t(`categories.${document.category}`)} ·{" "}
                        {t("addedOn", { date: format.dateTime(document.documentDate, { dateStyle: "long", timeZone: "UTC" }) })}
                      </p>
                    </div>
                    <PinButton documentId={document.id} pinned={document.pinned} title={document.title} toggle={togglePinAction} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : (
          <p className="text-muted">{t("notPatient")}</p>
        )}
      </div>
    </ClientMessages>
  );
}
