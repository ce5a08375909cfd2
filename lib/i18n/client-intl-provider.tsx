"use client";
import { IntlErrorCode, NextIntlClientProvider, type IntlError } from "next-intl";

/**
 * In development a message missing from a client component's provider stops the page at once; in
 * production the reader sees the key and the browser console gets the error, which fails the end-to-end
 * test that meets it (e2e/fixtures.ts). A function cannot cross from a server component, hence this
 * client wrapper around next-intl's provider.
 */
function onError(error: IntlError) {
  if (process.env.NODE_ENV !== "production" && error.code === IntlErrorCode.MISSING_MESSAGE) throw error;
  console.error(error);
}

export function ClientIntlProvider(props: Omit<React.ComponentProps<typeof NextIntlClientProvider>, "onError">) {
  return <NextIntlClientProvider {...props} onError={onError} />;
}
