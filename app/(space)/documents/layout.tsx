import { LiveRegion } from "@/components/ui/live-region";
import { QueryProvider } from "@/components/providers/query-provider";

/**
 * The vault pages share a react-query cache (so an upload or an edit updates every list) and one
 * live region. No access check here: each page checks the session itself, where it reads data.
 */
export default function DocumentsLayout({ children }: { children: React.ReactNode }) {
  return (
    <QueryProvider>
      <LiveRegion>{children}</LiveRegion>
    </QueryProvider>
  );
}
