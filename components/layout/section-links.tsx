"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** One link of the signed-in navigation, its texts already translated on the server. */
export type SectionLink = { id: string; href: string; label: string; badge?: { count: number; text: string } };

/** The section holding this address: the longest href that is the path or one of its parents. */
export function currentSection<T extends { href: string }>(links: readonly T[], pathname: string): T | undefined {
  return links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

/**
 * The links of one navigation list, the current page marked for assistive technologies
 * (aria-current) and by sight. The only client part of the navigation: it reads the address.
 */
export function SectionLinks({ links, variant }: { links: readonly SectionLink[]; variant: "list" | "bar" }) {
  const current = currentSection(links, usePathname())?.id;
  return links.map((link) => {
    const isCurrent = link.id === current;
    const look =
      variant === "bar"
        ? `flex min-h-12 flex-col items-center justify-center px-1 text-center text-xs ${isCurrent ? "font-bold text-brand underline" : "text-gray-800"}`
        : `flex items-center justify-between gap-2 rounded px-3 py-2 ${isCurrent ? "bg-brand text-white" : "text-brand underline hover:bg-brand-light"}`;
    return (
      <li key={link.id} className={variant === "bar" ? "min-w-0 flex-1" : undefined}>
        <Link href={link.href} aria-current={isCurrent ? "page" : undefined} className={look}>
          <span className="break-words">{link.label}</span>
          {link.badge && link.badge.count > 0 && (
            <>
              <span
                aria-hidden="true"
                className="inline-block min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-bold text-white no-underline"
              >
                {link.badge.count}
              </span>
              <span className="sr-only"> ({link.badge.text})</span>
            </>
          )}
        </Link>
      </li>
    );
  });
}

/** The phone's top bar names the page the person is on. */
export function CurrentSectionTitle({ links, className }: { links: readonly SectionLink[]; className?: string }) {
  const current = currentSection(links, usePathname());
  return current ? (
    <p data-testid="page-title" className={className}>
      {current.label}
    </p>
  ) : null;
}
