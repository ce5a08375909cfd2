import { requestCtx } from "@/lib/server/context/ctx";
import { handleRevocationRequest } from "@/lib/server/oauth/handle-token-request";
import { oauthEmpty, oauthErrorResponse, oauthPreflight, readClientRequest } from "@/lib/server/oauth/oauth-response";

/** RFC 7009 token revocation: 200 whether or not the token was known. */
export async function POST(request: Request): Promise<Response> {
  try {
    await handleRevocationRequest(requestCtx(request.headers, null), await readClientRequest(request));
    return oauthEmpty();
  } catch (error) {
    return oauthErrorResponse(error);
  }
}

export const OPTIONS = oauthPreflight;
