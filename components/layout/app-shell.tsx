import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SECTION_GROUPS, type NavSection } from "@/lib/navigation/sections";
import { countUnreadAlerts } from "@/lib/server/alerts/count-unread-alerts";
import type { CurrentSession } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { visibleSections } from "@/lib/server/navigation/visible-sections";
import { actorOf } from "@/lib/server/policy/policy";
import { AccountMenu } from "./account-menu";
import { Disclosure } from "./disclosure";
import { CurrentSectionTitle, SectionLinks, type SectionLink } from "./section-links";
import { SiteFooter } from "./site-footer";

/**
 * The frame of every signed-in page: on a desktop (lg and up) a left navigation grouped by purpose;
 * on a phone a top bar with the page's name and a menu button opening the same navigation, and a
 * bottom bar with the main destinations. Built on the server from the sections this person may open,
 * so a section their roles cannot open is never in the HTML.
 */
export async function AppShell({ session, children }: { session: CurrentSession; children: React.ReactNode }) {
  const actor = actorOf(session);
  const sections = visibleSections(actor);
  const [t, tLayout, unreadAlerts] = await Promise.all([
    getTranslations("shell"),
    getTranslations("layout"),
    sections.some((section) => "badge" in section && section.badge === "unreadAlerts")
      ? countUnreadAlerts(getDb(), actor)
      : Promise.resolve(0),
  ]);
  const linkOf = (section: NavSection): SectionLink => ({
    id: section.id,
    href: section.href,
    label: t(`sections.${section.id}`),
    ...("badge" in section && section.badge === "unreadAlerts"
      ? { badge: { count: unreadAlerts, text: t("unread", { count: unreadAlerts }) } }
      : {}),
  });
  const links = sections.map(linkOf);
  const groups = SECTION_GROUPS.map((group) => ({ group, links: sections.filter((s) => s.group === group).map(linkOf) })).filter(
    (entry) => entry.links.length > 0,
  );
  const bottom = sections.filter((section) => "bottomBar" in section && section.bottomBar).map(linkOf);

  // Drawn twice (phone menu, desktop column; one hidden by CSS): the prefix keeps the ids unique.
  const nav = (prefix: string) => (
    <nav aria-label={t("navLabel")}>
      {groups.map(({ group, links: groupLinks }) => (
        <div key={group} className="mb-4">
          <p id={`${prefix}-${group}`} className="mb-1 px-3 text-xs font-semibold tracking-wide text-muted uppercase">
            {t(`groups.${group}`)}
          </p>
          <ul aria-labelledby={`${prefix}-${group}`} className="space-y-0.5 text-sm">
            <SectionLinks links={groupLinks} variant="list" />
          </ul>
        </div>
      ))}
    </nav>
  );

  return (
    <>
      <header className="relative border-b border-gray-300 bg-white">
        <div className="flex items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <Link href="/" aria-label={tLayout("homeLink")} className="hidden font-bold text-brand hover:underline lg:inline">
            {tLayout("siteName")}
          </Link>
          <CurrentSectionTitle links={links} className="min-w-0 truncate font-semibold lg:hidden" />
          <div className="flex shrink-0 items-center gap-2">
            <Disclosure
              className="lg:hidden"
              label={t("menu")}
              buttonClassName="rounded border border-brand px-3 py-1.5 text-sm text-brand hover:bg-brand-light"
              panelClassName="absolute inset-x-0 top-full z-40 max-h-[75vh] overflow-y-auto border-b border-gray-300 bg-white p-4 shadow-lg"
            >
              {nav("menu")}
            </Disclosure>
            <AccountMenu session={session} sections={sections} />
          </div>
        </div>
      </header>
      <div className="flex w-full flex-1">
        <div className="hidden w-64 shrink-0 border-r border-gray-300 bg-surface p-4 lg:block">{nav("side")}</div>
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-8 focus:outline-none sm:px-6">
          {children}
        </main>
      </div>
      <SiteFooter />
      {bottom.length > 1 && (
        <>
          {/* Room under the footer, so the fixed bar never covers the page's last lines. */}
          <div aria-hidden="true" className="h-16 lg:hidden" />
          <nav aria-label={t("bottomBarLabel")} className="fixed inset-x-0 bottom-0 z-30 border-t border-gray-300 bg-white lg:hidden">
            <ul className="flex">
              <SectionLinks links={bottom} variant="bar" />
            </ul>
          </nav>
        </>
      )}
    </>
  );
}
