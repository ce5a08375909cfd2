import { requestCtx } from "@/lib/server/context/ctx";
import { handleTokenRequest } from "@/lib/server/oauth/handle-token-request";
import { oauthErrorResponse, oauthJson, oauthPreflight, readClientRequest } from "@/lib/server/oauth/oauth-response";

/** The OAuth 2.0 token endpoint (authorization_code with PKCE, refresh_token with rotation). */
export async function POST(request: Request): Promise<Response> {
  try {
    return oauthJson(await handleTokenRequest(requestCtx(request.headers, null), await readClientRequest(request)));
  } catch (error) {
    return oauthErrorResponse(error);
  }
}

export const OPTIONS = oauthPreflight;
