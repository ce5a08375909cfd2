import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { addressKey } from "@/lib/server/rate-limit/address-key";
import { consumeRateLimits, type RateLimitResult } from "@/lib/server/rate-limit/consume-rate-limit";

/**
 * The rate limits of every authentication step, per account (or address typed) and per IP
 * (ASVS 6.3.1). Lockout (account-lockout.ts) comes on top for passwords and codes. The numbers are
 * generous for a person and useless for a guesser; the per-IP ones allow a shared office or NAT.
 */
export const ABUSE_LIMITS = {
  signIn: { perAccount: { limit: 10, windowSeconds: 15 * 60 }, perIp: { limit: 50, windowSeconds: 15 * 60 } },
  secondFactor: { perAccount: { limit: 10, windowSeconds: 15 * 60 }, perIp: { limit: 50, windowSeconds: 15 * 60 } },
  codeSend: { perAccount: { limit: 5, windowSeconds: 15 * 60 }, perIp: { limit: 30, windowSeconds: 15 * 60 } },
  codeCheck: { perAccount: { limit: 10, windowSeconds: 15 * 60 }, perIp: { limit: 50, windowSeconds: 15 * 60 } },
  passwordReset: { perAccount: { limit: 3, windowSeconds: 60 * 60 }, perIp: { limit: 20, windowSeconds: 60 * 60 } },
  signUp: { perAccount: { limit: 3, windowSeconds: 60 * 60 }, perIp: { limit: 20, windowSeconds: 60 * 60 } },
  /** A professional looking a patient up by identifier and birth date: a guesser of NIRs is stopped early. */
  patientLookup: { perAccount: { limit: 30, windowSeconds: 15 * 60 }, perIp: { limit: 100, windowSeconds: 15 * 60 } },
} as const;

export type AbuseAction = keyof typeof ABUSE_LIMITS;

/** Keys never hold an address in clear: bucket keys sit in the table and in database logs. */
function subjectKey(subject: string): string {
  return createHash("sha256").update(subject.trim().toLowerCase()).digest("base64url").slice(0, 32);
}

/**
 * Counts one attempt against both buckets. `subject` is the account id or the e-mail typed (whether
 * or not it exists, so the limit itself reveals nothing). Both are consumed even when the first
 * refuses, so hammering one bucket cannot keep the other fresh.
 */
export async function consumeAbuseLimit(
  db: Pick<Db, "$queryRaw">,
  { action, subject, ipAddress }: { action: AbuseAction; subject: string; ipAddress?: string | null },
): Promise<RateLimitResult> {
  const rules = ABUSE_LIMITS[action];
  // One statement for both buckets: one round trip and one commit per attempt.
  const results = await consumeRateLimits(db, [
    { key: `${action}:account:${subjectKey(subject)}`, ...rules.perAccount },
    { key: `${action}:ip:${addressKey(ipAddress)}`, ...rules.perIp },
  ]);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return results[0]!;
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) };
}
