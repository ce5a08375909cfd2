import { getDb } from "@/lib/server/db";
import { handleRevocationRequest } from "@/lib/server/oauth/handle-token-request";
import { oauthErrorResponse, readClientRequest } from "@/lib/server/oauth/oauth-response";

/** RFC 7009 token revocation: 200 whether or not the token was known. */
export async function POST(request: Request): Promise<Response> {
  try {
    await handleRevocationRequest(getDb(), await readClientRequest(request));
    return new Response(null, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return oauthErrorResponse(error);
  }
}
