"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { locales, LOCALE_COOKIE } from "./locales";

const input = z.object({ locale: z.enum(locales) });

/**
 * Remembers the visitor's language for a year. Works as a plain form post, without JavaScript. A
 * forged call can pass any value instead of the form: anything but a form with a known locale is
 * ignored, as an unknown locale always was.
 */
export async function setLocale(formData: unknown): Promise<void> {
  const parsed = input.safeParse({ locale: formData instanceof FormData ? formData.get("locale") : undefined });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.APP_ENV === "production",
  });
}
