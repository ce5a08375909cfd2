import { getDb } from "@/lib/server/db";
import { handleTokenRequest } from "@/lib/server/oauth/handle-token-request";
import { oauthErrorResponse, oauthJson, oauthPreflight, readClientRequest } from "@/lib/server/oauth/oauth-response";

/** The OAuth 2.0 token endpoint (authorization_code with PKCE, refresh_token with rotation). */
export async function POST(request: Request): Promise<Response> {
  try {
    return oauthJson(await handleTokenRequest(getDb(), await readClientRequest(request)));
  } catch (error) {
    return oauthErrorResponse(error);
  }
}

export const OPTIONS = oauthPreflight;
