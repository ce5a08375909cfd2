import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The part of a translator (next-intl or use-intl/core, namespace "staff") this needs. */
export type StaffTranslator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

function describeValue(key: string, value: Prisma.JsonValue, t: StaffTranslator): string {
  if (value === null) return "—";
  if (Array.isArray(value)) return value.map((item) => describeValue(key, item, t)).join(", ");
  if (typeof value === "object") return describeAuditDetails(value, t);
  if (key === "role" && t.has(`roles.names.${value}`)) return t(`roles.names.${value}`);
  if (key === "action" && t.has(`journal.actions.${value}`)) return t(`journal.actions.${value}`);
  if (typeof value === "boolean") return t(value ? "journal.details.yes" : "journal.details.no");
  return String(value);
}

/**
 * An entry's details in words ("Rôle : Support · Patients vérifiés : 12"). Keys the catalogue knows
 * get their label; others (written by areas that add their own facts) are shown as they are, so
 * nothing recorded is hidden from the reader of the log.
 */
export function describeAuditDetails(details: Prisma.JsonValue | undefined, t: StaffTranslator): string {
  if (details === null || details === undefined || typeof details !== "object" || Array.isArray(details))
    return details == null ? "" : String(details);
  return Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) =>
        `${t.has(`journal.details.keys.${key}`) ? t(`journal.details.keys.${key}`) : key} : ${describeValue(key, value as Prisma.JsonValue, t)}`,
    )
    .join(" · ");
}

/** The action in words, or its code when another area added one the catalogue does not name yet. */
export function describeAuditAction(action: string, t: StaffTranslator): string {
  return t.has(`journal.actions.${action}`) ? t(`journal.actions.${action}`) : action;
}
