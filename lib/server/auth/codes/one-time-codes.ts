import "server-only";
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import type { CodePurpose } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/server/config";
import type { Db } from "@/lib/server/db";

/** How long a code lives and how many wrong tries it survives (ASVS 6.6.2, 6.6.3). */
export const CODE_POLICY: Record<
  "EMAIL_VERIFICATION" | "LOGIN_OTP" | "FACTOR_ENROLMENT" | "EMAIL_CHANGE" | "PASSWORD_RESET" | "IDENTITY_ACTIVATION",
  { ttlMinutes: number; maxAttempts: number }
> = {
  EMAIL_VERIFICATION: { ttlMinutes: 30, maxAttempts: 5 },
  LOGIN_OTP: { ttlMinutes: 10, maxAttempts: 5 },
  FACTOR_ENROLMENT: { ttlMinutes: 10, maxAttempts: 5 },
  EMAIL_CHANGE: { ttlMinutes: 30, maxAttempts: 5 },
  // A link rather than a code: 256 bits, so attempts hardly matter, but it stays single-use.
  PASSWORD_RESET: { ttlMinutes: 30, maxAttempts: 1 },
  // A letter takes days to arrive: 30 days, and ten characters (about 49 bits) rather than six digits,
  // since the code lives that long.
  IDENTITY_ACTIVATION: { ttlMinutes: 30 * 24 * 60, maxAttempts: 5 },
};

export type CodeKeyOptions = { hmacKey?: Buffer };

function defaultKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getConfig().authSecret, "", "one-time-codes", 32));
}

/**
 * Keyed hash: a 6-digit code has a million values, so a plain hash in a database dump would be
 * reversed at once. The user id and purpose are part of the input, so equal codes never collide.
 */
export function hashCode({ userId, purpose, code }: { userId: string; purpose: CodePurpose; code: string }, key?: Buffer): string {
  return createHmac("sha256", key ?? defaultKey())
    .update(`${purpose}:${userId}:${code}`)
    .digest("hex");
}

export function newNumericCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Issues a code and returns it in clear, for the message; only its hash is stored. Earlier codes of
 * the same purpose stop working, so only the latest message counts.
 */
export async function issueCode(
  db: Pick<Db, "verificationCode">,
  {
    userId,
    purpose,
    target,
    code = newNumericCode(),
    now = new Date(),
    hmacKey,
  }: { userId: string; purpose: keyof typeof CODE_POLICY; target?: string; code?: string; now?: Date } & CodeKeyOptions,
): Promise<string> {
  const { ttlMinutes } = CODE_POLICY[purpose];
  await db.verificationCode.updateMany({ where: { userId, purpose, consumedAt: null }, data: { consumedAt: now } });
  await db.verificationCode.create({
    data: {
      userId,
      purpose,
      target: target ?? null,
      codeHash: hashCode({ userId, purpose, code }, hmacKey),
      expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
    },
    select: { id: true },
  });
  return code;
}

export type CodeCheck = { ok: true; target: string | null } | { ok: false; reason: "INVALID" | "EXPIRED" | "TOO_MANY_ATTEMPTS" };

/**
 * Checks a code against the latest live one of that purpose. Each check spends an attempt in the same
 * UPDATE that reads it (so parallel guesses are all counted), and a right code is consumed by a
 * conditional UPDATE, so it works once even when submitted twice at the same moment.
 */
export async function checkCode(
  db: Pick<Db, "verificationCode">,
  {
    userId,
    purpose,
    code,
    now = new Date(),
    hmacKey,
  }: { userId: string; purpose: keyof typeof CODE_POLICY; code: string; now?: Date } & CodeKeyOptions,
): Promise<CodeCheck> {
  const live = await db.verificationCode.findFirst({
    where: { userId, purpose, consumedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, attempts: true, expiresAt: true, target: true },
  });
  if (!live) return { ok: false, reason: "INVALID" };
  if (live.expiresAt <= now) return { ok: false, reason: "EXPIRED" };
  const { maxAttempts } = CODE_POLICY[purpose];
  const spent = await db.verificationCode.updateMany({
    where: { id: live.id, consumedAt: null, attempts: { lt: maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (spent.count !== 1) return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  // People copy codes with spaces ("123 456") or a trailing newline; the code itself is digits only.
  const expected = hashCode({ userId, purpose, code: code.replace(/\s/g, "") }, hmacKey);
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(live.codeHash)))
    return { ok: false, reason: live.attempts + 1 >= maxAttempts ? "TOO_MANY_ATTEMPTS" : "INVALID" };
  const consumed = await db.verificationCode.updateMany({ where: { id: live.id, consumedAt: null }, data: { consumedAt: now } });
  return consumed.count === 1 ? { ok: true, target: live.target } : { ok: false, reason: "INVALID" };
}
