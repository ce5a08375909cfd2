import Link from "next/link";
import type { getTranslations } from "next-intl/server";

/** One card of the home page: later sections (profile, appointments, messages) add one to the list. */
export type HomeCard = { id: string; title: string; body: React.ReactNode; href: string; linkLabel: string; highlight?: boolean };

/** The home page's cards, as a list a screen reader announces with its length. */
export function HomeCards({ cards, labelledBy }: { cards: readonly HomeCard[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="mt-4 grid gap-4 sm:grid-cols-2">
      {cards.map((card) => (
        <li
          key={card.id}
          data-testid="home-card"
          className={`flex flex-col gap-2 rounded-lg border p-4 ${card.highlight ? "border-brand bg-brand-light" : "border-gray-300 bg-white"}`}
        >
          <h3 className="text-lg font-semibold">{card.title}</h3>
          <div className="flex-1 text-sm">{card.body}</div>
          <p>
            <Link href={card.href} className="text-brand underline hover:no-underline">
              {card.linkLabel}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

type HomeT = Awaited<ReturnType<typeof getTranslations<"home">>>;

/**
 * Connected apps that now ask for more than the patient granted: named, with the page where each one's
 * new request is shown and answered. Shown whatever the date of the last visit, until answered.
 */
export function reconsentCard(apps: readonly { name: string }[], t: HomeT): HomeCard | null {
  if (apps.length === 0) return null;
  return {
    id: "reconsent",
    title: t("reconsent.title"),
    body: (
      <>
        <p>{t("reconsent.count", { count: apps.length })}</p>
        <ul className="mt-1 list-disc pl-5">
          {apps.map((app) => (
            <li key={app.name}>{app.name}</li>
          ))}
        </ul>
      </>
    ),
    href: "/services-connectes#reconsent-title",
    linkLabel: t("reconsent.link"),
    highlight: true,
  };
}
