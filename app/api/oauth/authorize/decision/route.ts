import { z } from "zod";
import { consentFormOf } from "@/lib/server/apps/consent-choice";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { getConfig } from "@/lib/server/config";
import { requestCtx, signedIn } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { assertSameOrigin, errorResponse } from "@/lib/server/http/json-route";
import { decideAuthorization } from "@/lib/server/oauth/decide-authorization";
import { actorOf } from "@/lib/server/policy/policy";

const see = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

/**
 * The consent screen's form posts here (it works without JavaScript): 303 to the client with a code or
 * access_denied. A route rather than a server action, because the answer is a redirect to another
 * site. Anything that keeps the answer from being taken sends the patient back to the request's
 * page, which says why (expired, already answered, a category to choose).
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData;
  try {
    assertSameOrigin(request);
    form = await request.formData();
  } catch (error) {
    return errorResponse(error instanceof AppError ? error : new AppError("BAD_REQUEST", "Unreadable form."));
  }
  const requestId = z.uuid().safeParse(form.get("requestId"));
  if (!requestId.success) return errorResponse(new AppError("BAD_REQUEST", "No request id."));
  const page = `${getConfig().appUrl}/autoriser/${requestId.data}`;
  try {
    const session = await getCurrentSession();
    const { location } = await decideAuthorization(signedIn(requestCtx(request.headers, actorOf(session))), {
      requestId: requestId.data,
      allow: form.get("decision") === "allow",
      form: consentFormOf(form),
    });
    return see(location);
  } catch (error) {
    if (error instanceof AppError && error.field === "categories") return see(`${page}?erreur=categories`);
    if (error instanceof AppError && error.code !== "INTERNAL") return see(page);
    return errorResponse(error);
  }
}
