import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { getDb } from "@/lib/server/db";
import { loadHomeSummary, type HomeSummary } from "@/lib/server/home/load-home-summary";
import { listRecentDocuments } from "@/lib/server/documents/list-recent-documents";
import { ensureSpaceCode } from "@/lib/server/patients/space-code";
import { togglePinAction } from "./actions";
import { PinButton } from "./pin-button";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { HomeCards, reconsentCard, type HomeCard } from "./home-cards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("space"))("title") };
}

export default async function SpacePage() {
  const session = await requireFullSessionForPage("/espace");
  const [t, tHome, tPro, tIdentity, format] = await Promise.all([
    getTranslations("space"),
    getTranslations("home"),
    getTranslations("pro.spaceCode"),
    getTranslations("identity"),
    getFormatter(),
  ]);
  const isPatient = session.user.roles.includes("PATIENT");
  const ctx = await signedInPageCtx();
  const [documents, spaceCode, summary] = isPatient
    ? await Promise.all([
        listRecentDocuments(ctx, { ownerId: session.user.id }),
        ensureSpaceCode(getDb(), session.user.id),
        loadHomeSummary(ctx),
      ])
    : [[], null, null];
  const cards = summary ? changeCards(summary, tHome) : [];
  const startCards = summary ? firstSteps(summary, tHome) : [];
  return (
    <ClientMessages namespaces={["space.pin", "space.unpin"]}>
      <div className="space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-lg">{t("greeting", { firstName: session.user.firstName })}</p>
        </div>
        {summary && startCards.length > 0 && (
          <section aria-labelledby="home-start">
            <h2 id="home-start" className="text-2xl font-semibold">
              {tHome("start.title")}
            </h2>
            <HomeCards cards={startCards} labelledBy="home-start" />
          </section>
        )}
        {summary && (summary.since || cards.length > 0) && (
          <section aria-labelledby="home-changes">
            <h2 id="home-changes" className="text-2xl font-semibold">
              {summary.since ? tHome("changesTitle") : tHome("changesTitleFirst")}
            </h2>
            {summary.since && (
              <p className="mt-1 text-sm text-muted">{tHome("since", { date: format.dateTime(summary.since, { dateStyle: "long" }) })}</p>
            )}
            {cards.length === 0 ? <p className="mt-4">{tHome("nothingNew")}</p> : <HomeCards cards={cards} labelledBy="home-changes" />}
          </section>
        )}
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

type HomeT = Awaited<ReturnType<typeof getTranslations<"home">>>;

/** What changed since the last visit: a card only for what has something to say. */
function changeCards(summary: HomeSummary, t: HomeT): HomeCard[] {
  const cards: HomeCard[] = [];
  if (summary.pendingRequests > 0)
    cards.push({
      id: "requests",
      title: t("requests.title"),
      body: t("requests.count", { count: summary.pendingRequests }),
      href: "/acces",
      linkLabel: t("requests.link"),
      highlight: true,
    });
  if (summary.unreadAlerts > 0)
    cards.push({
      id: "alerts",
      title: t("alerts.title"),
      body: t("alerts.count", { count: summary.unreadAlerts }),
      href: "/alertes",
      linkLabel: t("alerts.link"),
      highlight: true,
    });
  const reconsent = reconsentCard(summary.appsAwaitingConsent, t);
  if (reconsent) cards.push(reconsent);
  // On a first visit every document is new, and the recent documents below already list them.
  if (summary.since && summary.newDocumentCount > 0)
    cards.push({
      id: "documents",
      title: t("documents.title"),
      body: (
        <>
          <p>{t("documents.count", { count: summary.newDocumentCount })}</p>
          <ul className="mt-1 list-disc pl-5">
            {summary.newDocuments.map((document) => (
              <li key={document.id}>
                {/* Title and author in one link: the card names the document as a change, not a second copy of the title. */}
                <Link href={`/documents/${document.id}`} className="text-brand underline hover:no-underline">
                  {`${document.title} (${
                    document.addedBy.kind === "self"
                      ? t("documents.bySelf")
                      : document.addedBy.name
                        ? t("documents.byPerson", { name: document.addedBy.name })
                        : t("documents.byUnknown")
                  })`}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ),
      href: "/documents",
      linkLabel: t("documents.link"),
    });
  if (summary.newAccesses > 0)
    cards.push({
      id: "accesses",
      title: t("accesses.title"),
      body: t("accesses.count", { count: summary.newAccesses }),
      href: "/acces",
      linkLabel: t("accesses.link"),
    });
  return cards;
}

/** The empty state: how to start, until each step is done. */
function firstSteps(summary: HomeSummary, t: HomeT): HomeCard[] {
  const cards: HomeCard[] = [];
  if (!summary.hasDocuments)
    cards.push({
      id: "upload",
      title: t("start.uploadTitle"),
      body: t("start.uploadBody"),
      href: "/documents#upload-title",
      linkLabel: t("start.uploadLink"),
    });
  if (!summary.hasTreatingDoctor)
    cards.push({
      id: "doctor",
      title: t("start.doctorTitle"),
      body: t("start.doctorBody"),
      href: "/acces/professionnels?profession=medecin",
      linkLabel: t("start.doctorLink"),
    });
  return cards;
}
