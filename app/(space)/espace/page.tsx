import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { listRecentDocuments } from "@/lib/server/documents/list-recent-documents";
import { actorOf } from "@/lib/server/policy/policy";
import { togglePinAction } from "./actions";
import { PinButton } from "./pin-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("space"))("title") };
}

export default async function SpacePage() {
  const session = await requireFullSessionForPage("/espace");
  const [t, format] = await Promise.all([getTranslations("space"), getFormatter()]);
  const isPatient = session.user.roles.includes("PATIENT");
  const documents = isPatient ? await listRecentDocuments(getDb(), { actor: actorOf(session), ownerId: session.user.id }) : [];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-lg">{t("greeting", { firstName: session.user.firstName })}</p>
      </div>
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
                      {t(`categories.${document.category}`)} · {t("addedOn", { date: format.dateTime(document.documentDate, { dateStyle: "long", timeZone: "UTC" }) })}
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
  );
}
