import type { Messages, NestedKeyOf } from "next-intl";
import { getMessages, getTimeZone } from "next-intl/server";
import { getFormattingLocale } from "./app-locale";
import { ClientIntlProvider } from "./client-intl-provider";
import { pickMessages } from "./pick-messages";

/** A namespace a client component translates with ("documents", "documents.upload") or one message of it. */
export type ClientNamespace = NestedKeyOf<Messages>;

/**
 * Gives the client components below it the messages under these paths only. The catalogues are about
 * 140 KB: handed whole to the browser, they were most of every page's HTML (mail templates and staff
 * strings on the landing page). Server components need none of this: they read the request's whole
 * catalogue. Each route lists what its client components use; client-messages.test.ts checks the lists
 * against the sources, and a message still missing at run time is reported (client-intl-provider.tsx).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly ClientNamespace[]; children: React.ReactNode }) {
  const [locale, timeZone, messages] = await Promise.all([getFormattingLocale(), getTimeZone(), getMessages()]);
  return (
    <ClientIntlProvider locale={locale} timeZone={timeZone} messages={pickMessages(messages, namespaces)}>
      {children}
    </ClientIntlProvider>
  );
}
