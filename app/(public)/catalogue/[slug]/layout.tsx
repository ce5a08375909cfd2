import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the app page's client components use (see lib/i18n/client-messages.tsx). */
export default function AppPageLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["catalogue.report", "security.form", "security.reauth"]}>{children}</ClientMessages>;
}
