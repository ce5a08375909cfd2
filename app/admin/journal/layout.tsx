import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the journal's client components use (see lib/i18n/client-messages.tsx). */
export default function JournalLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["security.form", "security.reauth", "staff.journal.chains"]}>{children}</ClientMessages>;
}
