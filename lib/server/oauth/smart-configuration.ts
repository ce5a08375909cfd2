import "server-only";
import { SMART_SCOPES } from "@/lib/oauth/smart-scopes";
import { getConfig } from "@/lib/server/config";

/** SMART App Launch 2.0 discovery (§2.4 "Metadata"), with absolute URLs from APP_URL. */
export function smartConfiguration() {
  const base = getConfig().appUrl;
  return {
    issuer: base,
    authorization_endpoint: `${base}/api/oauth/authorize`,
    token_endpoint: `${base}/api/oauth/token`,
    revocation_endpoint: `${base}/api/oauth/revoke`,
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    authorization_response_iss_parameter_supported: true,
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    scopes_supported: [...SMART_SCOPES],
    capabilities: [
      "launch-standalone",
      "client-public",
      "client-confidential-symmetric",
      "context-standalone-patient",
      "permission-offline",
      "permission-patient",
      "permission-v2",
    ],
  };
}
