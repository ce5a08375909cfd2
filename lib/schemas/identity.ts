import { z } from "zod";
import { isValidNir, normalizeNir } from "@/lib/identifiers/nir";

/** Shared by the identity forms and their services; messages are i18n keys. */

/** The documents the identity-vigilance rules (RNIV) accept for a qualification, in the forms' order. */
export const IDENTITY_DOCUMENT_TYPES = [
  "NATIONAL_ID_CARD",
  "PASSPORT",
  "RESIDENCE_PERMIT",
  "FAMILY_RECORD_BOOK",
  "BIRTH_CERTIFICATE",
] as const;

const nir = z
  .string()
  .max(30, "identity.form.nirInvalid")
  .transform(normalizeNir)
  .refine((value) => isValidNir(value), "identity.form.nirInvalid");

/** A professional's in-person check: the NIR read from the patient's card and the document shown. */
export const qualifyInPersonSchema = z.object({
  nir,
  documentType: z.enum(IDENTITY_DOCUMENT_TYPES, "identity.form.documentTypeRequired"),
  /** The professional states they saw the document, in person, and that it matches the patient. */
  checked: z.literal(true, "identity.form.checkedRequired"),
});

const line = (max: number) => z.string().trim().max(max, "identity.form.tooLong");

/** The patient's declared NIR (optional, locked once qualified) and postal address on file. */
export const identityDetailsSchema = z.object({
  nir: z
    .string()
    .max(30, "identity.form.nirInvalid")
    .optional()
    .transform((value) => (value && value.trim() ? normalizeNir(value) : null))
    .refine((value) => value === null || isValidNir(value), "identity.form.nirInvalid"),
  addressLine1: line(200),
  addressLine2: line(200),
  // French postcodes: five digits (overseas included). The letter is posted in France.
  postalCode: z
    .string()
    .trim()
    .refine((value) => value === "" || /^\d{5}$/.test(value), "identity.form.postalCodeInvalid"),
  city: line(100),
});

/** The code of the letter: ten characters, typed with or without the dash and spaces. */
export const activationCodeSchema = z.object({
  code: z
    .string()
    .max(40, "identity.form.codeInvalid")
    .transform((value) => value.replace(/[\s-]/g, "").toUpperCase())
    .refine((value) => /^[A-Z0-9]{10}$/.test(value), "identity.form.codeInvalid"),
});

export const resolveIdentityConflictSchema = z.object({
  conflictId: z.uuid(),
  resolution: z.enum(["KEPT_HOLDER", "MOVED_TO_CLAIMANT"], "identity.form.resolutionRequired"),
  reason: z.string().trim().min(10, "identity.form.reasonRequired").max(1000, "identity.form.tooLong"),
});
