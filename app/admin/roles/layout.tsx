import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the roles page's client components use (see lib/i18n/client-messages.tsx). */
export default function RolesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["admin.reason", "security.form", "security.reauth", "staff.roles"]}>{children}</ClientMessages>;
}
