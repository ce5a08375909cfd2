import { LiveRegion } from "@/components/ui/live-region";

/** One polite live region for the connected-services pages' outcomes. Access is checked by each page. */
export default function ConnectedAppsLayout({ children }: { children: React.ReactNode }) {
  return <LiveRegion>{children}</LiveRegion>;
}
