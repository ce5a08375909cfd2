import { z } from "zod";
import { calendarDay } from "@/lib/schemas/boundary";

/**
 * The access history's JSON API, shared by the routes (which parse with these schemas) and the page
 * (which calls them through react-query). Only the patient reads their own history.
 *
 *   GET /api/history?…HistoryListQuery         → HistoryPage
 *   GET /api/history/export?…HistoryListQuery  → text/csv attachment (every matching entry, no cursor)
 */

export const historyActions = [
  "DOCUMENT_UPLOADED",
  "DOCUMENT_VIEWED",
  "DOCUMENT_DOWNLOADED",
  "DOCUMENT_EDITED",
  "DOCUMENT_HIDDEN",
  "DOCUMENT_UNHIDDEN",
  "DOCUMENT_BINNED",
  "DOCUMENT_RESTORED",
  "DOCUMENT_DELETED",
  "DOCUMENT_REPORTED",
  "DOCUMENT_LIST_VIEWED",
  "DOCUMENT_ADDED",
  "PATIENT_LOOKED_UP",
  "EMERGENCY_ACCESS",
  "EMERGENCY_ACCESS_ENDED",
  "ACCESS_GRANTED",
  "ACCESS_CHANGED",
  "ACCESS_REVOKED",
  "ACCESS_REQUESTED",
  "ACCESS_REQUEST_ACCEPTED",
  "ACCESS_REQUEST_REFUSED",
  "PROFESSIONAL_BLOCKED",
  "PROFESSIONAL_UNBLOCKED",
  "TREATING_DOCTOR_SET",
  "TREATING_DOCTOR_REMOVED",
  "EMERGENCY_SETTING_CHANGED",
  "ALERT_SETTINGS_CHANGED",
  "APP_CONNECTED",
  "APP_CONNECTION_CHANGED",
  "APP_DISCONNECTED",
  "APP_ACCESS_ENDED",
  "PROFILE_VIEWED",
  "MEASUREMENT_ADDED",
  "MEASUREMENTS_VIEWED",
  "SUPPORT_ACCOUNT_UNLOCKED",
  "SUPPORT_EMAIL_CONFIRMATION_RESENT",
  "SUPPORT_SECOND_FACTOR_RESET",
  "SUPPORT_ACCOUNT_DISABLED",
  "SUPPORT_ACCOUNT_ENABLED",
  "SUPPORT_ACCOUNT_CLOSED",
  "IDENTITY_QUALIFIED",
  "IDENTITY_ACTIVATION_LETTER_REQUESTED",
  "IDENTITY_QUALIFICATION_CONFLICT",
  "SUPPORT_IDENTITY_CONFLICT_RESOLVED",
] as const;
export type HistoryActionName = (typeof historyActions)[number];

/** "others": everyone but the patient (professionals, emergency staff, apps, support, automatic tasks). */
export const historyTabs = ["others", "mine"] as const;
export type HistoryTab = (typeof historyTabs)[number];

/**
 * The kinds the patient filters by, each a group of actions. "emergency" also takes in every access
 * made on the emergency basis (a document opened after breaking the glass), not only the break itself;
 * "apps" also takes in everything a connected app did as the author (its reads and writes).
 */
export const historyKindActions = {
  consulted: [
    "DOCUMENT_VIEWED",
    "DOCUMENT_DOWNLOADED",
    "DOCUMENT_LIST_VIEWED",
    "PATIENT_LOOKED_UP",
    "PROFILE_VIEWED",
    "MEASUREMENTS_VIEWED",
  ],
  changed: [
    "DOCUMENT_UPLOADED",
    "DOCUMENT_ADDED",
    "DOCUMENT_EDITED",
    "DOCUMENT_HIDDEN",
    "DOCUMENT_UNHIDDEN",
    "DOCUMENT_REPORTED",
    "MEASUREMENT_ADDED",
  ],
  deleted: ["DOCUMENT_BINNED", "DOCUMENT_RESTORED", "DOCUMENT_DELETED"],
  emergency: ["EMERGENCY_ACCESS", "EMERGENCY_ACCESS_ENDED"],
  consent: [
    "ACCESS_GRANTED",
    "ACCESS_CHANGED",
    "ACCESS_REVOKED",
    "ACCESS_REQUESTED",
    "ACCESS_REQUEST_ACCEPTED",
    "ACCESS_REQUEST_REFUSED",
    "PROFESSIONAL_BLOCKED",
    "PROFESSIONAL_UNBLOCKED",
    "TREATING_DOCTOR_SET",
    "TREATING_DOCTOR_REMOVED",
  ],
  settings: ["EMERGENCY_SETTING_CHANGED", "ALERT_SETTINGS_CHANGED"],
  apps: ["APP_CONNECTED", "APP_CONNECTION_CHANGED", "APP_DISCONNECTED", "APP_ACCESS_ENDED"],
  support: [
    "SUPPORT_ACCOUNT_UNLOCKED",
    "SUPPORT_EMAIL_CONFIRMATION_RESENT",
    "SUPPORT_SECOND_FACTOR_RESET",
    "SUPPORT_ACCOUNT_DISABLED",
    "SUPPORT_ACCOUNT_ENABLED",
    "SUPPORT_ACCOUNT_CLOSED",
  ],
  identity: [
    "IDENTITY_QUALIFIED",
    "IDENTITY_ACTIVATION_LETTER_REQUESTED",
    "IDENTITY_QUALIFICATION_CONFLICT",
    "SUPPORT_IDENTITY_CONFLICT_RESOLVED",
  ],
} as const satisfies Record<string, readonly HistoryActionName[]>;
export type HistoryKind = keyof typeof historyKindActions;
export const historyKinds = Object.keys(historyKindActions) as HistoryKind[];

export function kindOfAction(action: HistoryActionName): HistoryKind {
  return historyKinds.find((kind) => (historyKindActions[kind] as readonly string[]).includes(action)) ?? "consulted";
}

/**
 * Author filter by role; "APP" is the connected apps (entries with an actorAppId); "OTHER" is everyone
 * else without an account role (establishments, automatic tasks).
 */
export const historyAuthorRoles = ["PROFESSIONAL", "SUPPORT", "ADMIN", "APP", "OTHER"] as const;
export type HistoryAuthorRole = (typeof historyAuthorRoles)[number];

export const accessBases = ["CONSENT", "EMERGENCY", "TREATING_DOCTOR", "APP"] as const;
export type AccessBasisName = (typeof accessBases)[number];

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
