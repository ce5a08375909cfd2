import { z } from "zod";
import { VACCINE_CODES } from "@/lib/record/vaccination-calendar/calendar-2025";
import {
  ALLERGY_CRITICALITIES,
  ALLERGY_SEVERITIES,
  ALLERGY_TYPES,
  CONDITION_CATEGORIES,
  CONDITION_STATUSES,
  CONTACT_ROLES,
  DIRECTIVE_KINDS,
  ORGAN_DONATION_POSITIONS,
  RECORD_KINDS,
  RECORD_NOTE_MAX,
  type RecordKind,
} from "@/lib/record/record-options";
import { calendarDay, uuid } from "./boundary";

/**
 * The "Profil médical" entries as the forms send them and the services take them (issue 16). One schema
 * per kind, each the fields of its table (prisma/schema.prisma) plus the columns every entry shares
 * (source, note). Error messages are i18n keys of the `record` namespace; blank optional fields become
 * null. Not strict: a field nobody asked for (a forged author or patientId) is dropped, never used.
 */

export {
  RECORD_KINDS,
  RECORD_NOTE_MAX,
  CONDITION_CATEGORIES,
  CONDITION_STATUSES,
  ALLERGY_TYPES,
  ALLERGY_SEVERITIES,
  ALLERGY_CRITICALITIES,
  DIRECTIVE_KINDS,
  ORGAN_DONATION_POSITIONS,
  CONTACT_ROLES,
  type RecordKind,
} from "@/lib/record/record-options";

// Line breaks belong in a note; other control and direction characters only hide text.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const clean = (value: string) => !FORBIDDEN.test(value.replace(/[\t\r\n]/g, " "));

const text = (max: number) =>
  z.string().trim().min(1, "record.errors.required").max(max, "record.errors.tooLong").refine(clean, "record.errors.invalidCharacters");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "record.errors.tooLong")
    .refine(clean, "record.errors.invalidCharacters")
    .optional()
    .transform((value) => value || null);
/** Today in UTC, read at parse time: an onset or a vaccination is not in the future. */
const today = () => new Date().toISOString().slice(0, 10);
const pastDay = z.string().refine((value) => calendarDay({ max: today() }).safeParse(value).success, "record.errors.date");
const optionalPastDay = z
  .string()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || calendarDay({ max: today() }).safeParse(value).success, "record.errors.date");
const optionalDay = z
  .string()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || calendarDay().safeParse(value).success, "record.errors.date");
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values, "record.errors.choice"), z.literal("")])
    .optional()
    .transform((value) => (value ? (value as T[number]) : null));

const shared = { source: optionalText(200), note: optionalText(RECORD_NOTE_MAX) };

export const conditionFields = z.object({
  ...shared,
  category: z.enum(CONDITION_CATEGORIES, "record.errors.choice"),
  label: text(200),
  relative: optionalText(100),
  onsetDate: optionalPastDay,
  status: z.enum(CONDITION_STATUSES, "record.errors.choice"),
});

export const allergyFields = z.object({
  ...shared,
  type: z.enum(ALLERGY_TYPES, "record.errors.choice"),
  substance: text(200),
  reaction: optionalText(200),
  severity: optionalEnum(ALLERGY_SEVERITIES),
  criticality: optionalEnum(ALLERGY_CRITICALITIES),
});

export const treatmentFields = z
  .object({
    ...shared,
    medication: text(200),
    dose: optionalText(100),
    frequency: optionalText(100),
    startDate: optionalDay,
    endDate: optionalDay,
    prescriber: optionalText(200),
  })
  .refine((value) => !value.startDate || !value.endDate || value.startDate <= value.endDate, {
    message: "record.errors.endBeforeStart",
    path: ["endDate"],
  });

/** A vaccine from the calendar's list (its ATC code), or "other" with a label typed by hand. */
export const vaccinationFields = z
  .object({
    ...shared,
    vaccineCode: z.string().refine((code) => code === "other" || code in VACCINE_CODES, "record.errors.choice"),
    vaccineLabel: optionalText(200),
    date: pastDay,
    doseNumber: z
      .string()
      .optional()
      .transform((value) => (value ? Number(value) : null))
      .refine((value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 20), "record.errors.doseNumber"),
    lotNumber: optionalText(50),
    performer: optionalText(200),
  })
  .refine((value) => value.vaccineCode !== "other" || !!value.vaccineLabel, { message: "record.errors.required", path: ["vaccineLabel"] })
  .transform(({ vaccineCode, vaccineLabel, ...rest }) => ({
    ...rest,
    vaccineCode: vaccineCode === "other" ? null : vaccineCode,
    vaccineLabel: vaccineCode === "other" ? vaccineLabel! : (vaccineLabel ?? VACCINE_CODES[vaccineCode]!.display),
  }));

/** Advance directives name a vault document (checked on the server: the patient's, of that category); organ donation a position. */
export const directiveFields = z
  .object({
    ...shared,
    kind: z.enum(DIRECTIVE_KINDS, "record.errors.choice"),
    documentId: z
      .union([uuid, z.literal("")])
      .optional()
      .transform((value) => value || null),
    directiveDate: optionalPastDay,
    organDonation: optionalEnum(ORGAN_DONATION_POSITIONS),
  })
  .refine((value) => value.kind !== "ORGAN_DONATION" || !!value.organDonation, {
    message: "record.errors.required",
    path: ["organDonation"],
  })
  .refine((value) => value.kind !== "ADVANCE_DIRECTIVES" || !!value.documentId, { message: "record.errors.required", path: ["documentId"] })
  .transform((value) =>
    value.kind === "ORGAN_DONATION" ? { ...value, documentId: null, directiveDate: null } : { ...value, organDonation: null },
  );

export const contactFields = z
  .object({
    ...shared,
    role: z.enum(CONTACT_ROLES, "record.errors.choice"),
    name: text(200),
    relationship: optionalText(100),
    phone: optionalText(40).refine((value) => value === null || /^\+?[0-9 .()-]{6,40}$/.test(value), "record.errors.phone"),
    email: optionalText(254).refine((value) => value === null || z.email().safeParse(value).success, "record.errors.email"),
  })
  .refine((value) => !!value.phone || !!value.email, { message: "record.errors.contactMeans", path: ["phone"] });

export const recordFieldSchemas = {
  condition: conditionFields,
  allergy: allergyFields,
  treatment: treatmentFields,
  vaccination: vaccinationFields,
  directive: directiveFields,
  contact: contactFields,
} as const;

export type RecordFields<K extends RecordKind> = z.output<(typeof recordFieldSchemas)[K]>;
export type RecordFieldsInput<K extends RecordKind> = z.input<(typeof recordFieldSchemas)[K]>;

export const recordKindSchema = z.enum(RECORD_KINDS);
/** An entry named at the boundary: its kind (which table) and id. */
export const recordEntryRefSchema = z.object({ kind: recordKindSchema, entryId: uuid });
