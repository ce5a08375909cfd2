import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { secondFactorInput } from "@/lib/auth/second-factor-input";
import { getConfig } from "@/lib/server/config";
import { getDb } from "@/lib/server/db";
import { requestCtx, type Ctx } from "@/lib/server/context/ctx";
import { recordSecurityEvent } from "./record-security-event";
import { readSessionToken, SESSION_COOKIE } from "./session-cookie";
import { endSession } from "./sessions/revoke-sessions";
import { validateSession } from "./sessions/validate-session";
import { completeSecondFactorStep } from "./sign-in/complete-second-factor-step";
import { signInWithPassword } from "./sign-in/sign-in-with-password";

type IncomingHeaders = Record<string, string | string[] | undefined>;

/**
 * The ctx of a sign-in step, built once from the request next-auth hands `authorize` (its headers as a
 * plain object, not a Headers). Nobody is signed in yet: the actor is null.
 */
function signInCtx(headers: IncomingHeaders | undefined): Ctx {
  const entries = Object.entries(headers ?? {}).flatMap(([name, value]): [string, string][] =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value.join(",") : value]],
  );
  return requestCtx(new Headers(entries), null);
}

/**
 * next-auth carries the session; PostgreSQL decides it. The encrypted cookie next-auth issues holds
 * one claim, `sid`: a random token whose hash names a Session row. Every request checks that row
 * (current-session.ts), so logout, revocation and timeouts act at once — a bare JWT could not be
 * revoked. Two credential providers are the two steps of signing in; each returns a NEW token, so the
 * cookie changes after each step (ASVS 7.2.4).
 *
 * A thrown Error's message is what next-auth hands back to the form: always one of our error codes.
 */
export function authOptions(): AuthOptions {
  const config = getConfig();
  // next-auth reads its own origin from here; ours is validated configuration.
  process.env.NEXTAUTH_URL = config.appUrl;
  const secure = config.isProduction;
  return {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: Math.ceil(config.sessionAbsoluteMs / 1000) },
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: SESSION_COOKIE(secure), options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
      csrfToken: { name: secure ? "__Host-ens.csrf" : "ens.csrf", options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
      callbackUrl: {
        name: secure ? "__Host-ens.callback" : "ens.callback",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/connexion", error: "/connexion" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password || email.length > 254) throw new Error("INVALID_CREDENTIALS");
          const result = await signInWithPassword(signInCtx(req.headers), { email, password });
          if (!result.ok) throw new Error(result.error);
          return { id: result.userId, sid: result.token };
        },
      }),
      CredentialsProvider({
        id: "second-factor",
        name: "second-factor",
        credentials: {},
        async authorize(credentials, req) {
          const input = secondFactorInput.safeParse(credentials);
          if (!input.success) throw new Error("INVALID_INPUT");
          const halfToken = await readSessionToken(await cookies());
          const result = await completeSecondFactorStep(signInCtx(req.headers), { halfToken, input: input.data });
          if (!result.ok) throw new Error(result.error);
          return { id: result.userId, sid: result.token };
        },
      }),
    ],
    callbacks: {
      // Only the session token goes in the cookie: no name, e-mail or role that could go stale.
      jwt({ token, user }) {
        const sid = (user as { sid?: string } | undefined)?.sid ?? (token.sid as string | undefined);
        return sid ? { sid } : {};
      },
      // /api/auth/session tells the browser nothing it could use; pages ask the database.
      session({ session }) {
        return { expires: session.expires };
      },
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeRedirectPath(path, "/")}`;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : undefined;
        if (!sid) return;
        const db = getDb();
        const session = await validateSession(db, { token: sid });
        if (await endSession(db, sid)) {
          if (session) await recordSecurityEvent(db, { userId: session.user.id, kind: "LOGGED_OUT" });
        }
      },
    },
    logger: {
      // next-auth logs credentials errors with their stack; ours carry only an error code.
      error(code) {
        if (code !== "CREDENTIALS_SIGNIN_ERROR") console.error(JSON.stringify({ event: "next_auth_error", code }));
      },
      warn() {},
      debug() {},
    },
  };
}
