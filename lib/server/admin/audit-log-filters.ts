import "server-only";
import { z } from "zod";
import { calendarDay } from "@/lib/schemas/boundary";
import { StaffAction } from "@/lib/generated/prisma/client";

const parisDay = calendarDay();
const empty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * The staff audit log's filters, as the page's address and the CSV export's carry them (same names,
 * so "Exporter" exports what is on screen): the staff member by e-mail or account id, the action,
 * the target account's id, and a range of Paris days. Empty fields mean "any".
 */
export const auditLogFiltersSchema = z.object({
  staff: z.preprocess(
    empty,
    z
      .union([
        z.uuid(),
        z
          .email()
          .max(254)
          .transform((email) => email.toLowerCase()),
      ])
      .optional(),
  ),
  action: z.preprocess(empty, z.enum(StaffAction).optional()),
  target: z.preprocess(empty, z.uuid().optional()),
  from: z.preprocess(empty, parisDay.optional()),
  to: z.preprocess(empty, parisDay.optional()),
});
export type AuditLogFilters = z.infer<typeof auditLogFiltersSchema>;

/** Every action the log knows, in the schema's order, for the filter's choices. */
export const STAFF_ACTIONS = Object.values(StaffAction);

export const AUDIT_FILTER_KEYS = ["staff", "action", "target", "from", "to"] as const;

/** The filters of an address; a malformed one is reported by field, so the page can say which. */
export function parseAuditLogFilters(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const source = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;
  const values = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, typeof source[key] === "string" ? source[key] : undefined]));
  return auditLogFiltersSchema.safeParse(values);
}

/** The filters back as query parameters, empty ones left out. */
export function auditLogQueryString(filters: AuditLogFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
