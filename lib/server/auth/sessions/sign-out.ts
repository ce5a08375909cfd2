import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { recordSecurityEvent } from "../record-security-event";
import { endSession } from "./revoke-sessions";
import { validateSession } from "./validate-session";

/**
 * Signing out: the session behind this token ends now and the account's security history says so,
 * with where the request came from. False when the token named no session (already ended, forged).
 */
export async function signOut(ctx: Ctx, { token }: { token: string }): Promise<boolean> {
  const session = await validateSession(ctx.db, { token });
  if (!(await endSession(ctx.db, token))) return false;
  if (session) await recordSecurityEvent(ctx.db, { userId: session.user.id, kind: "LOGGED_OUT", context: ctx });
  return true;
}
