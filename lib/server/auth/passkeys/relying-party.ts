import "server-only";
import { getConfig } from "@/lib/server/config";

export type RelyingParty = {
  /** The name authenticators show next to the passkey. */
  name: string;
  /** The host the passkeys are bound to: a passkey made here is useless on a look-alike site. */
  id: string;
  /** The only origin whose ceremonies are accepted (scheme, host and port). */
  origin: string;
};

/**
 * Derived from APP_URL, never from the request: a Host header is the client's to choose. Browsers
 * refuse an IP address as RP ID, so the app must be reached by name (`localhost` in development).
 */
export function relyingPartyOf(appUrl: string): RelyingParty {
  const url = new URL(appUrl);
  return { name: "Espace numérique de santé", id: url.hostname, origin: url.origin };
}

export function relyingParty(): RelyingParty {
  return relyingPartyOf(getConfig().appUrl);
}
