import { LiveAnnouncer } from "@/components/vault/live-announcer";

/** One polite live region for the access pages' outcomes. Access is checked by each page. */
export default function AccessLayout({ children }: { children: React.ReactNode }) {
  return <LiveAnnouncer>{children}</LiveAnnouncer>;
}
