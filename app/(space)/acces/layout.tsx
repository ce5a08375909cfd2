import { LiveRegion } from "@/components/ui/live-region";

/** One polite live region for the access pages' outcomes. Access is checked by each page. */
export default function AccessLayout({ children }: { children: React.ReactNode }) {
  return <LiveRegion>{children}</LiveRegion>;
}
