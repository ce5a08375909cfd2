import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { readSessionToken } from "./session-cookie";
import { validateSession, type ValidSession } from "./sessions/validate-session";

export type CurrentSession = ValidSession & { hasConfirmedFactor: boolean };

/**
 * The session of this request, checked against the database once per request (React cache), or null.
 * Half-authenticated sessions are returned too, with stage PASSWORD_VERIFIED: callers decide through
 * the policy module (lib/server/policy) what such a session may do — next to nothing.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const token = await readSessionToken(await cookies());
  const db = getDb();
  const session = await validateSession(db, { token });
  if (!session) return null;
  const hasConfirmedFactor = (await db.authFactor.count({ where: { userId: session.user.id, confirmedAt: { not: null } } })) > 0;
  return { ...session, hasConfirmedFactor };
});

/** Where a half-authenticated person belongs: the factor they have, or enrolling their first one. */
export function secondStepPath(session: CurrentSession): string {
  return session.hasConfirmedFactor ? "/connexion/second-facteur" : "/connexion/enrolement";
}

/**
 * For pages that show personal data: a full session, or a redirect to the step that is missing. The
 * page's own path comes back as callbackUrl (checked again with safeRedirectPath when used).
 */
export async function requireFullSessionForPage(path: string): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  if (session.stage !== "FULL") redirect(secondStepPath(session));
  return session;
}

/** For route handlers and server actions: the same rule, as an error instead of a redirect. */
export async function requireFullSession(): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session || session.stage !== "FULL") throw new AppError("UNAUTHENTICATED");
  return session;
}
