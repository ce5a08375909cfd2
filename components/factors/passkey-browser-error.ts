import { WebAuthnError } from "@simplewebauthn/browser";

export type PasskeyProblem = "cancelled" | "alreadyRegistered" | "unsupported" | "wrongSite" | "failed";

/**
 * What went wrong in the browser's passkey prompt, in words a person can act on. Browsers report a
 * cancelled prompt, a timeout and a refused permission all as NotAllowedError and on purpose do not
 * say which (it would leak whether a passkey exists): all of them read as "cancelled", calmly.
 */
export function passkeyProblemOf(error: unknown): PasskeyProblem {
  if (error instanceof WebAuthnError) {
    switch (error.code) {
      case "ERROR_CEREMONY_ABORTED":
        return "cancelled";
      case "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED":
        return "alreadyRegistered";
      case "ERROR_INVALID_DOMAIN":
      case "ERROR_INVALID_RP_ID":
        return "wrongSite";
      case "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY":
        return (error.cause as Error | undefined)?.name === "NotAllowedError" ? "cancelled" : "failed";
      default:
        return "failed";
    }
  }
  if (error instanceof Error && (error.name === "NotAllowedError" || error.name === "AbortError")) return "cancelled";
  if (error instanceof Error && /not supported/i.test(error.message)) return "unsupported";
  return "failed";
}
