import { UAParser } from "ua-parser-js";

/**
 * "Firefox 128 · Windows 11" for the session list and the security history; null when the browser
 * sent nothing recognisable, so the page can say "unknown device" in the reader's language.
 */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const { browser, os } = new UAParser(userAgent).getResult();
  const browserName = browser.name ? [browser.name, browser.major].filter(Boolean).join(" ") : null;
  const osName = os.name ? [os.name, os.version].filter(Boolean).join(" ") : null;
  const parts = [browserName, osName].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(" · ") : null;
}

/**
 * The address cut to its network part (203.0.113.x, 2001:db8:85a3::/48): enough for a person to
 * recognise "home" or "office", without the app displaying a full address. There is no offline
 * geolocation database, so this is the only "place" the app can honestly show.
 */
export function shortenIpAddress(ipAddress: string | null | undefined): string | null {
  if (!ipAddress) return null;
  const address = ipAddress.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (address.includes(":")) {
    const groups = expandIpv6(address.replace(/%.*$/, ""));
    return groups ? `${groups.slice(0, 3).join(":")}::/48` : null;
  }
  return null;
}

/** The eight groups of an IPv6 address, "::" expanded, leading zeros dropped; null when malformed. */
function expandIpv6(address: string): string[] | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "il y a 5 minutes", "hier", "maintenant": Intl's wording, in the reader's language. */
export function formatRelativeTime(date: Date, locale: string, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}
