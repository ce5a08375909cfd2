import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the curation page's client components use (see lib/i18n/client-messages.tsx). */
export default function CurationLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["access.blocks", "admin.reason", "catalogue", "security.form", "security.reauth"]}>
      {children}
    </ClientMessages>
  );
}
