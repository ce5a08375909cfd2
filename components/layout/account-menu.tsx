import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { CurrentSession } from "@/lib/server/auth/current-session";
import type { Section } from "@/lib/navigation/sections";
import { Disclosure } from "./disclosure";
import { LanguageSwitcher } from "./language-switcher";

/** Where each space starts, for a person who holds several (a professional who is also a patient). */
function spacesOf(session: CurrentSession, sections: readonly Section[]) {
  const has = (group: Section["group"]) => sections.some((section) => section.group === group);
  const spaces: { key: "patient" | "professional" | "staff"; href: string }[] = [];
  if (session.user.roles.includes("PATIENT")) spaces.push({ key: "patient", href: "/espace" });
  if (has("professional")) spaces.push({ key: "professional", href: "/pro" });
  if (has("staff")) spaces.push({ key: "staff", href: "/admin" });
  return spaces;
}

/** Who is signed in and in which roles, the language, the other spaces, and signing out. */
export async function AccountMenu({ session, sections }: { session: CurrentSession; sections: readonly Section[] }) {
  const t = await getTranslations("shell");
  const spaces = spacesOf(session, sections);
  return (
    <Disclosure
      className="relative"
      label={t("accountMenu")}
      buttonClassName="rounded border border-brand px-3 py-1.5 text-sm text-brand hover:bg-brand-light"
      panelClassName="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-gray-300 bg-white p-4 shadow-lg"
    >
      <div>
        <p className="font-semibold break-words">
          {session.user.firstName} {session.user.lastName}
        </p>
        <p className="text-sm text-muted">{session.user.roles.map((role) => t(`roles.${role}`)).join(", ")}</p>
      </div>
      {spaces.length > 1 && (
        <nav aria-label={t("spacesLabel")}>
          <ul className="space-y-1 text-sm">
            {spaces.map((space) => (
              <li key={space.key}>
                <Link href={space.href} className="text-brand underline hover:no-underline">
                  {t(`spaces.${space.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <LanguageSwitcher />
      <SignOutButton />
    </Disclosure>
  );
}
