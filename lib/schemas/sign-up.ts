import { z } from "zod";
import { birthDay } from "./boundary";
import { isValidNir, normalizeNir } from "@/lib/identifiers/nir";

/** Shared by the sign-up form and its server action; messages are i18n keys. */
const name = z.string().trim().min(1, "auth.form.required").max(100, "auth.form.nameTooLong");

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "auth.form.required")
  .max(254, "auth.form.emailInvalid")
  .pipe(z.email("auth.form.emailInvalid"));

export const signUpInput = z.object({
  firstName: name,
  lastName: name,
  birthDate: z
    .string()
    .min(1, "auth.form.required")
    .pipe(birthDay({ message: "auth.form.birthDateInvalid" }))
    .transform((value) => new Date(`${value}T00:00:00Z`)),
  email,
  // Length and content rules come from checkPassword, which says which one failed.
  password: z.string().min(1, "auth.form.required").max(1024, "auth.passwordProblems.TOO_LONG"),
  nir: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() ? normalizeNir(value) : undefined))
    .refine((value) => value === undefined || isValidNir(value), "auth.form.nirInvalid"),
});

export const confirmEmailInput = z.object({
  email,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "auth.form.codeInvalid"),
});
