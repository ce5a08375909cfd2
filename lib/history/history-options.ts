/**
 * The access history's closed lists: the actions an entry records, the tabs, the kinds and authors the
 * patient filters by, the bases of an access. Plain values, no zod: the history page's client
 * components import them, and the API's schemas (history-api.ts) check against them.
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
  "APP_REQUEST_WIDENED",
  "APP_REQUEST_DECLINED",
  "RECORD_ENTRY_ADDED",
  "RECORD_ENTRY_EDITED",
  "RECORD_ENTRY_DELETED",
  "RECORD_ENTRY_HIDDEN",
  "RECORD_ENTRY_UNHIDDEN",
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
    "RECORD_ENTRY_ADDED",
    "RECORD_ENTRY_EDITED",
    "RECORD_ENTRY_HIDDEN",
    "RECORD_ENTRY_UNHIDDEN",
  ],
  deleted: ["DOCUMENT_BINNED", "DOCUMENT_RESTORED", "DOCUMENT_DELETED", "RECORD_ENTRY_DELETED"],
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
  apps: ["APP_CONNECTED", "APP_CONNECTION_CHANGED", "APP_DISCONNECTED", "APP_ACCESS_ENDED", "APP_REQUEST_WIDENED", "APP_REQUEST_DECLINED"],
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
