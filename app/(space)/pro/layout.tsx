import { QueryProvider } from "@/components/providers/query-provider";
import { LiveRegion } from "@/components/ui/live-region";

/**
 * The professional pages share a react-query cache and one live region, like the vault's. No access
 * check here: each page checks the session and the professional record itself, where it reads data.
 */
export default function ProLayout({ children }: { children: React.ReactNode }) {
  return (
    <QueryProvider>
      <LiveRegion>{children}</LiveRegion>
    </QueryProvider>
  );
}
