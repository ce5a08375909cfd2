import "server-only";
import { sessionPolicy, type SessionPolicy } from "../sessions/session-policy";

/**
 * Whether this session proved who it is recently enough for sensitive changes, the same test as
 * defineAction's `recentAuthentication`. Pages use it to offer re-authentication up front.
 */
export function isRecentlyAuthenticated(
  session: { authenticatedAt: Date },
  { now = new Date(), policy = sessionPolicy() }: { now?: Date; policy?: SessionPolicy } = {},
): boolean {
  return now.getTime() - session.authenticatedAt.getTime() <= policy.reauthenticationMs;
}
