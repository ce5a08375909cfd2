import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { actorOf } from "@/lib/server/policy/policy";
import { requestCtx, signedIn, type Ctx, type SignedInCtx } from "./ctx";

/**
 * The context of the page being rendered: built once per request (React cache), so a layout and its
 * page share one request id and one session check.
 */
export const pageCtx = cache(async (): Promise<Ctx> => requestCtx(await headers(), actorOf(await getCurrentSession())));

/**
 * The page's context once the page has required a signed-in person (requirePatientForPage,
 * requireStaffForPage, requireFullSessionForPage): what an operation acting for someone takes.
 */
export async function signedInPageCtx(): Promise<SignedInCtx> {
  return signedIn(await pageCtx());
}
