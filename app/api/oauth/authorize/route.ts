import { getConfig } from "@/lib/server/config";
import { requestCtx } from "@/lib/server/context/ctx";
import { startAuthorization } from "@/lib/server/oauth/start-authorization";

/** The authorization endpoint: checks the request, stores it and hands over to the consent page. */
export async function GET(request: Request): Promise<Response> {
  const outcome = await startAuthorization(requestCtx(request.headers, null), new URL(request.url).searchParams);
  const base = getConfig().appUrl;
  const location =
    outcome.kind === "errorPage"
      ? `${base}/autoriser/erreur?raison=${outcome.reason}`
      : outcome.kind === "redirect"
        ? outcome.location
        : `${base}/autoriser/${outcome.requestId}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
