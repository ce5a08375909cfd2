import { AdminNav } from "@/components/admin/admin-nav";
import { QueryProvider } from "@/components/providers/query-provider";
import { LiveRegion } from "@/components/ui/live-region";

/**
 * The staff pages share the section links, a react-query cache and one live region. No access check
 * here: each page asks for its own staff permission (requireStaffForPage), where it reads data.
 */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <QueryProvider>
      <LiveRegion>
        <AdminNav />
        {children}
      </LiveRegion>
    </QueryProvider>
  );
}
