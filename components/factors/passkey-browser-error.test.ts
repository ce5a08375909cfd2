import { WebAuthnError } from "@simplewebauthn/browser";
import { describe, expect, it } from "vitest";
import { passkeyProblemOf } from "./passkey-browser-error";

const domError = (name: string) => Object.assign(new Error(name), { name });

describe("passkey prompt errors, in words a person can act on", () => {
  it("reads a cancelled or timed-out prompt as cancelled, not as a failure", () => {
    expect(
      passkeyProblemOf(
        new WebAuthnError({ message: "x", code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY", cause: domError("NotAllowedError") }),
      ),
    ).toBe("cancelled");
    expect(passkeyProblemOf(new WebAuthnError({ message: "x", code: "ERROR_CEREMONY_ABORTED", cause: domError("AbortError") }))).toBe(
      "cancelled",
    );
    expect(passkeyProblemOf(domError("NotAllowedError"))).toBe("cancelled");
  });

  it("recognises a device that already holds a passkey, a wrong site and a browser without WebAuthn", () => {
    expect(
      passkeyProblemOf(
        new WebAuthnError({ message: "x", code: "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED", cause: domError("InvalidStateError") }),
      ),
    ).toBe("alreadyRegistered");
    expect(passkeyProblemOf(new WebAuthnError({ message: "x", code: "ERROR_INVALID_DOMAIN", cause: domError("SecurityError") }))).toBe(
      "wrongSite",
    );
    expect(passkeyProblemOf(new Error("WebAuthn is not supported in this browser"))).toBe("unsupported");
  });

  it("calls anything else a failure", () => {
    expect(
      passkeyProblemOf(new WebAuthnError({ message: "x", code: "ERROR_AUTHENTICATOR_GENERAL_ERROR", cause: domError("UnknownError") })),
    ).toBe("failed");
    expect(
      passkeyProblemOf(new WebAuthnError({ message: "x", code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY", cause: domError("SomethingElse") })),
    ).toBe("failed");
    expect(passkeyProblemOf("boom")).toBe("failed");
  });
});
