import "server-only";
import { getConfig } from "@/lib/server/config";

export type SessionPolicy = {
  /** Ends a session nobody used for this long (ASVS 7.3.1). */
  idleMs: number;
  /** Ends a session this long after sign-in, used or not (ASVS 7.3.2). */
  absoluteMs: number;
  /** A half-authenticated session (password only) must complete the second factor within this. */
  secondFactorMs: number;
  /** Sensitive changes (e-mail, password, factors) need a sign-in or re-authentication this recent. */
  reauthenticationMs: number;
};

export function sessionPolicy(): SessionPolicy {
  const config = getConfig();
  return {
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
    secondFactorMs: 10 * 60_000,
    reauthenticationMs: 10 * 60_000,
  };
}
