/** The history speaks French time: every instant is shown as it was in Paris, whatever the server's zone. */
export const PARIS_TIME_ZONE = "Europe/Paris";

/** "2026-03-12 14:05:09", sortable, for exports. */
export function parisTimestamp(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: PARIS_TIME_ZONE, dateStyle: "short", timeStyle: "medium" }).format(instant);
}
