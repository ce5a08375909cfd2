import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the account page's client components use (see lib/i18n/client-messages.tsx). */
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["admin.reason", "security.form", "security.reauth", "support.actions"]}>{children}</ClientMessages>;
}
