import { AdminNav } from "@/components/admin/admin-nav";
import { LiveRegion } from "@/components/ui/live-region";

/**
 * The staff pages share the section links and one live region. No react-query provider: no staff page
 * refetches a list on the client (their lists are server-rendered), so none ships the library. No
 * access check here: each page asks for its own staff permission (requireStaffForPage), where it reads data.
 */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <LiveRegion>
      <AdminNav />
      {children}
    </LiveRegion>
  );
}
