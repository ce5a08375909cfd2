import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SECTION_GROUPS, type NavSection } from "@/lib/navigation/sections";
import { countUnreadAlerts } from "@/lib/server/alerts/count-unread-alerts";
import type { CurrentSession } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { visibleSections } from "@/lib/server/navigation/visible-sections";
import { actorOf } from "@/lib/server/policy/policy";
import { AccountMenu } from "./account-menu";
import { DisclosureButton, DisclosurePanel, DisclosureRoot } from "./disclosure";
import { CurrentSectionTitle, SectionLinks, type SectionLink } from "./section-links";
import { SiteFooter } from "./site-footer";

/**
 * The frame of every signed-in page: on a desktop (lg and up) a left navigation grouped by purpose;
 * on a phone a top bar with the page's name and a menu button opening the same navigation, and a
 * bottom bar with the main destinations. Built on the server from the sections this person may open,
 * so a section their roles cannot open is never in the HTML.
 *
 * The navigation is drawn once: a grid whose second row holds it and the page. On a desktop it is the
 * left column, always shown (its menu button is not drawn); on a phone it is the menu's panel, laid over
 * the top of the page when open and not displayed when closed. CSS alone switches between the two.
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

  const nav = (
    <nav aria-label={t("navLabel")}>
      {groups.map(({ group, links: groupLinks }) => (
        <div key={group} className="mb-4">
          <p id={`nav-${group}`} className="mb-1 px-3 text-xs font-semibold tracking-wide text-muted uppercase">
            {t(`groups.${group}`)}
          </p>
          <ul aria-labelledby={`nav-${group}`} className="space-y-0.5 text-sm">
            <SectionLinks links={groupLinks} variant="list" />
          </ul>
        </div>
      ))}
    </nav>
  );

  return (
    <>
      <DisclosureRoot className="grid w-full flex-1 grid-cols-1 grid-rows-[auto_1fr] lg:grid-cols-[16rem_minmax(0,1fr)]">
        {/* Above the navigation's panel, so the account menu opened from the top bar is never under it. */}
        <header className="relative z-50 col-span-full border-b border-gray-300 bg-white">
          <div className="flex items-center justify-between gap-2 px-4 py-3 sm:px-6">
            <Link href="/" aria-label={tLayout("homeLink")} className="hidden font-bold text-brand hover:underline lg:inline">
              {tLayout("siteName")}
            </Link>
            <CurrentSectionTitle links={links} className="min-w-0 truncate font-semibold lg:hidden" />
            <div className="flex shrink-0 items-center gap-2">
              <DisclosureButton className="rounded border border-brand px-3 py-1.5 text-sm text-brand hover:bg-brand-light lg:hidden">
                {t("menu")}
              </DisclosureButton>
              <AccountMenu session={session} sections={sections} />
            </div>
          </div>
        </header>
        {/* Shares the page's cell on a phone (over it, z-40); the column beside it on a desktop. */}
        <DisclosurePanel
          className="z-40 col-start-1 row-start-2 max-h-[75vh] self-start overflow-y-auto border-b border-gray-300 bg-white p-4 shadow-lg lg:max-h-none lg:self-stretch lg:overflow-visible lg:border-r lg:border-b-0 lg:bg-surface lg:shadow-none"
          closedClassName="hidden lg:block"
        >
          {nav}
        </DisclosurePanel>
        <main
          id="contenu"
          tabIndex={-1}
          className="col-start-1 row-start-2 mx-auto w-full max-w-5xl min-w-0 px-4 py-8 focus:outline-none sm:px-6 lg:col-start-2"
        >
          {children}
        </main>
      </DisclosureRoot>
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
