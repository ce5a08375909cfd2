import type { AppLocale } from "../locales";
import enAdmin from "./en/admin.json";
import frAdmin from "./fr/admin.json";
import enCatalogue from "./en/catalogue.json";
import frCatalogue from "./fr/catalogue.json";
import enApps from "./en/apps.json";
import frApps from "./fr/apps.json";
import enFhir from "./en/fhir.json";
import frFhir from "./fr/fhir.json";
import enSupport from "./en/support.json";
import frSupport from "./fr/support.json";
import enTickets from "./en/tickets.json";
import frTickets from "./fr/tickets.json";
import enStaff from "./en/staff.json";
import frStaff from "./fr/staff.json";
import enAccess from "./en/access.json";
import enAuth from "./en/auth.json";
import enCodes from "./en/codes.json";
import enDirectory from "./en/directory.json";
import enCommon from "./en/common.json";
import enDocuments from "./en/documents.json";
import enHistory from "./en/history.json";
import enIdentity from "./en/identity.json";
import enMail from "./en/mail.json";
import enPasskeys from "./en/passkeys.json";
import enPro from "./en/pro.json";
import enSecurity from "./en/security.json";
import enVault from "./en/vault.json";
import frAccess from "./fr/access.json";
import frAuth from "./fr/auth.json";
import frCodes from "./fr/codes.json";
import frDirectory from "./fr/directory.json";
import frCommon from "./fr/common.json";
import frDocuments from "./fr/documents.json";
import frHistory from "./fr/history.json";
import frIdentity from "./fr/identity.json";
import frMail from "./fr/mail.json";
import frPasskeys from "./fr/passkeys.json";
import frPro from "./fr/pro.json";
import frSecurity from "./fr/security.json";
import frVault from "./fr/vault.json";
import enShell from "./en/shell.json";
import frShell from "./fr/shell.json";
import enHome from "./en/home.json";
import frHome from "./fr/home.json";
import enMeasurementKinds from "./en/measurement-kinds.json";
import frMeasurementKinds from "./fr/measurement-kinds.json";
import enVaccinationCalendar from "./en/vaccination-calendar.json";
import frVaccinationCalendar from "./fr/vaccination-calendar.json";
import enRecord from "./en/record.json";
import frRecord from "./fr/record.json";

/**
 * The catalogues, one file per area so that features own their strings. Each file holds whole
 * top-level namespaces; a namespace lives in exactly one file (checked by messages.test.ts).
 */
export const catalogueFiles = {
  fr: {
    common: frCommon,
    auth: frAuth,
    security: frSecurity,
    passkeys: frPasskeys,
    codes: frCodes,
    mail: frMail,
    vault: frVault,
    documents: frDocuments,
    pro: frPro,
    history: frHistory,
    identity: frIdentity,
    access: frAccess,
    admin: frAdmin,
    catalogue: frCatalogue,
    apps: frApps,
    fhir: frFhir,
    support: frSupport,
    tickets: frTickets,
    staff: frStaff,
    directory: frDirectory,
    shell: frShell,
    home: frHome,
    measurementKinds: frMeasurementKinds,
    vaccinationCalendar: frVaccinationCalendar,
    record: frRecord,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    security: enSecurity,
    passkeys: enPasskeys,
    codes: enCodes,
    mail: enMail,
    vault: enVault,
    documents: enDocuments,
    pro: enPro,
    history: enHistory,
    identity: enIdentity,
    access: enAccess,
    admin: enAdmin,
    catalogue: enCatalogue,
    apps: enApps,
    fhir: enFhir,
    support: enSupport,
    tickets: enTickets,
    staff: enStaff,
    directory: enDirectory,
    shell: enShell,
    home: enHome,
    measurementKinds: enMeasurementKinds,
    vaccinationCalendar: enVaccinationCalendar,
    record: enRecord,
  },
} as const;

const fr = {
  ...frCommon,
  ...frAuth,
  ...frSecurity,
  ...frPasskeys,
  ...frCodes,
  ...frMail,
  ...frVault,
  ...frDocuments,
  ...frPro,
  ...frHistory,
  ...frIdentity,
  ...frAccess,
  ...frAdmin,
  ...frCatalogue,
  ...frApps,
  ...frFhir,
  ...frSupport,
  ...frTickets,
  ...frStaff,
  ...frDirectory,
  ...frShell,
  ...frHome,
  ...frMeasurementKinds,
  ...frVaccinationCalendar,
  ...frRecord,
};

/** The shape of every catalogue, French first: next-intl's AppConfig (app-config.d.ts) types each key with it. */
export type Messages = typeof fr;

// Typed as French's shape: a key French has and English lacks fails tsc here (messages.test.ts checks the reverse).
const en: Messages = {
  ...enCommon,
  ...enAuth,
  ...enSecurity,
  ...enPasskeys,
  ...enCodes,
  ...enMail,
  ...enVault,
  ...enDocuments,
  ...enPro,
  ...enHistory,
  ...enIdentity,
  ...enAccess,
  ...enAdmin,
  ...enCatalogue,
  ...enApps,
  ...enFhir,
  ...enSupport,
  ...enTickets,
  ...enStaff,
  ...enDirectory,
  ...enShell,
  ...enHome,
  ...enMeasurementKinds,
  ...enVaccinationCalendar,
  ...enRecord,
};

export const messages: Record<AppLocale, Messages> = { fr, en };
