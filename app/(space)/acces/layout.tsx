import { LiveRegion } from "@/components/ui/live-region";
import { ClientMessages } from "@/lib/i18n/client-messages";

/**
 * One polite live region for the access pages' outcomes, and the messages their client components use
 * (see lib/i18n/client-messages.tsx). Access is checked by each page.
 */
export default function AccessLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "access.alerts",
        "access.blocks",
        "access.emergency",
        "access.form",
        "security.form",
        "security.reauth",
        "space.categories",
      ]}
    >
      <LiveRegion>{children}</LiveRegion>
    </ClientMessages>
  );
}
