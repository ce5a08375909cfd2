/**
 * Accounts for end-to-end tests, made directly in the app's database (the fixtures' own users, unique
 * per test) and signed in without the UI when a test is not about signing in. Uses the app's own
 * services, so a user made here is exactly what sign-up and enrolment would make.
 *
 * Runs in Playwright's process with the react-server condition (see package.json), pointed at the
 * same data folder as the app under test so that it shares its generated secrets.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { BrowserContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import * as OTPAuth from "otpauth";
import { E2E_APP_URL, E2E_DATA_DIR, E2E_DATABASE_URL_FILE } from "./environment";

process.env.DATA_DIR = E2E_DATA_DIR;
process.env.APP_ENV = "test";
// The fixtures reach the app's database through the URL it wrote (E2E_DATABASE_URL_FILE), whatever the
// shell says.
delete process.env.DATABASE_URL;

const { createPrismaClient } = await import("@/lib/server/db");
const { getConfig } = await import("@/lib/server/config");
const { hashPassword } = await import("@/lib/server/auth/password-hash");
const { enrolTotpWithSecret } = await import("@/lib/server/auth/totp/enrol-totp-with-secret");
const { startPasswordSession, completeSecondFactor } = await import("@/lib/server/auth/sessions/create-session");
const { SESSION_COOKIE } = await import("@/lib/server/auth/session-cookie");

let db: ReturnType<typeof createPrismaClient> | undefined;
export function e2eDb() {
  db ??= createPrismaClient(readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim(), 2);
  return db;
}

export type TestAccount = { id: string; email: string; password: string; firstName: string; totpSecret: string | null };

export async function createAccount({
  totp = true,
  roles = ["PATIENT"] as ("PATIENT" | "PROFESSIONAL" | "SUPPORT" | "CURATOR" | "ADMIN")[],
} = {}): Promise<TestAccount> {
  const email = `e2e-${randomUUID().slice(0, 12)}@test.espace-sante.localhost`;
  const password = `phrase de passe ${randomUUID().slice(0, 8)}`;
  const user = await e2eDb().user.create({
    data: {
      email,
      passwordHash: await hashPassword(password),
      firstName: "Camille",
      lastName: "Essai",
      roles,
      status: "ACTIVE",
      emailVerifiedAt: new Date(),
      birthDate: new Date("1985-04-12"),
    },
    select: { id: true },
  });
  let totpSecret: string | null = null;
  if (totp) {
    totpSecret = new OTPAuth.Secret({ size: 20 }).base32;
    await enrolTotpWithSecret(e2eDb(), { userId: user.id, secretBase32: totpSecret });
  }
  return { id: user.id, email, password, firstName: "Camille", totpSecret };
}

/** A code for the current (or a given) 30-second step; `offset` steps later gives a fresh one. */
export function totpCode(secret: string, offset = 0): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + offset * 30_000,
  });
}

/** Puts a session cookie in the browser context, as next-auth would after both steps (or only the first). */
export async function signInAs(
  context: BrowserContext,
  account: TestAccount,
  { stage = "FULL" }: { stage?: "FULL" | "PASSWORD_VERIFIED" } = {},
): Promise<void> {
  const half = await startPasswordSession(e2eDb(), { userId: account.id });
  const token = stage === "FULL" ? (await completeSecondFactor(e2eDb(), { halfToken: half.token }))!.token : half.token;
  const config = getConfig();
  const value = await encode({ token: { sid: token }, secret: config.authSecret });
  await context.addCookies([{ name: SESSION_COOKIE(false), value, url: E2E_APP_URL, httpOnly: true, sameSite: "Lax" }]);
}
