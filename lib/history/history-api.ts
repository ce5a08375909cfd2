import { z } from "zod";
import { calendarDay } from "@/lib/schemas/boundary";
import {
  historyAuthorRoles,
  historyKinds,
  historyTabs,
  type AccessBasisName,
  type HistoryActionName,
  type HistoryKind,
} from "./history-options";

/**
 * The access history's JSON API: the schemas the routes parse with, and the types the page's react-query
 * hook calls them with. Client components import only types from here (`import type`, erased at
 * build), so zod stays on the server; the values they need are in history-options.ts. Only the
 * patient reads their own history.
 *
 *   GET /api/history?…HistoryListQuery         → HistoryPage
 *   GET /api/history/export?…HistoryListQuery  → text/csv attachment (every matching entry, no cursor)
 */

// The closed lists live apart, without zod, for the page's client components to import (history-options.ts).
export {
  accessBases,
  historyActions,
  historyAuthorRoles,
  historyKindActions,
  historyKinds,
  historyTabs,
  kindOfAction,
  type AccessBasisName,
  type HistoryActionName,
  type HistoryAuthorRole,
  type HistoryKind,
  type HistoryTab,
} from "./history-options";

/** Filter days within the app's calendar (PostgreSQL refuses year 0, which JavaScript accepts). */
const isoDate = calendarDay();

/** Query string of the list and the export. Empty values mean "no filter"; days are Paris days. */
export const historyListQuerySchema = z.object({
  tab: z.enum(historyTabs).default("others"),
  /** An author's account id, or a role. */
  author: z.union([z.uuid(), z.enum(historyAuthorRoles)]).optional(),
  kind: z.enum(historyKinds as [HistoryKind, ...HistoryKind[]]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Opaque, from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type HistoryListQuery = z.input<typeof historyListQuerySchema>;
export type HistoryFilters = Omit<z.output<typeof historyListQuerySchema>, "cursor" | "limit">;

export type HistoryEntryView = {
  id: string;
  /** ISO instant. */
  at: string;
  action: HistoryActionName;
  kind: HistoryKind;
  actor: {
    id: string | null;
    label: string;
    role: string | null;
    /** The RPPS of a professional author, looked up from their account. */
    rpps: string | null;
    /** The professional's record, to revoke or block them from the entry. */
    professionalId: string | null;
    profession: string | null;
  };
  /** The document as it was titled at the time. */
  document: { id: string; title: string } | null;
  /** The fields an edit changed (names, never values). */
  fields: string[] | null;
  ipAddress: string | null;
  /** Why: the basis of a professional's access and the stated reason (emergency, support ticket…). */
  basis: AccessBasisName | null;
  reason: string | null;
  /** A break-glass access, or anything done on the emergency basis: shown apart. */
  emergency: boolean;
  /** Whom one of the patient's decisions concerned (a consent change, a connected app), as the entry recorded it. */
  subject: HistorySubject | null;
  /** The access a consent decision gave, changed or ended: codes and counts, never a document's title. */
  access: HistoryAccess | null;
  /** A setting the patient switched, with its new value. */
  setting: { name: "emergencyAccess" | "firstAccessByEmail"; enabled: boolean } | null;
};

export type HistorySubject =
  { kind: "professional"; id: string; name: string; profession: string | null; rpps: string | null } | { kind: "app"; name: string };

export type HistoryAccess = {
  scope: "ALL_VISIBLE" | "CATEGORIES" | "DOCUMENTS";
  categories: string[];
  documentCount: number;
  canAdd: boolean;
  validUntil: string | null;
};

export type HistoryPage = { items: HistoryEntryView[]; nextCursor: string | null };

/** An author the patient may filter by: anyone but themself who appears in their history. */
export type HistoryAuthor = { id: string; label: string; role: string | null };

/** The list's and the export's query string, empty values dropped; the routes turn a failure into a 400. */
export function parseHistoryQuery(searchParams: URLSearchParams) {
  return historyListQuerySchema.safeParse(Object.fromEntries([...searchParams].filter(([, value]) => value !== "")));
}
