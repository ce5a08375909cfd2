import { getFormatter, getTranslations } from "next-intl/server";
import { getFormattingLocale } from "@/lib/i18n/app-locale";
import { describeUserAgent, formatRelativeTime, shortenIpAddress } from "./device";
import { SignOutOthersForm } from "./sign-out-others-form";
import { SignOutSessionButton } from "./sign-out-session-button";

type SessionRow = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; ipAddress: string | null };

/** The signed-in devices: what, roughly where, roughly when, and a way to end each. */
export async function SessionList({ sessions, currentSessionId }: { sessions: SessionRow[]; currentSessionId: string }) {
  const [t, locale, format] = await Promise.all([getTranslations("security.sessions"), getFormattingLocale(), getFormatter()]);
  const others = sessions.filter((session) => session.id !== currentSessionId).length;
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent) ?? t("unknownDevice");
          const place = shortenIpAddress(session.ipAddress);
          const current = session.id === currentSessionId;
          return (
            <li key={session.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="session">
              <div>
                <p className="font-semibold">
                  {device}
                  {/* A space, not only a margin: read aloud or copied, the badge stays a word of its own. */}
                  {current && " "}
                  {current && (
                    <span className="ml-1 rounded bg-brand-light px-2 py-0.5 text-sm font-medium text-ink">{t("thisDevice")}</span>
                  )}
                </p>
                <p className="text-sm text-muted">{place ? t("place", { place }) : t("unknownPlace")}</p>
                <p className="text-sm text-muted">
                  {t("lastActive", { when: formatRelativeTime(session.lastSeenAt, locale) })} ·{" "}
                  {t("signedIn", { date: format.dateTime(session.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
              </div>
              {!current && <SignOutSessionButton sessionId={session.id} device={device} />}
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-muted">{t("placeExplained")}</p>
      <SignOutOthersForm others={others} />
    </div>
  );
}
