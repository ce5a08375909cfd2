import "server-only";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

/**
 * The browser's responses arrive as JSON text from an untrusted client: their shape is checked here
 * before simplewebauthn reads them, which then checks everything they claim.
 */
const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(16_000);
// Known transports only: they are stored, then handed back to browsers in later ceremonies.
const transport = z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);

const common = {
  // The credential id is stored in a 512-character column.
  id: base64url.min(1).max(512),
  rawId: base64url.min(1).max(512),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

const registrationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z
      .array(z.string().max(20))
      .max(10)
      .optional()
      .transform((list) => list?.filter((t) => transport.safeParse(t).success)),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

const authenticationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function parseRegistrationResponse(text: string): RegistrationResponseJSON | null {
  const parsed = registrationResponse.safeParse(parseJson(text));
  return parsed.success ? (parsed.data as RegistrationResponseJSON) : null;
}

export function parseAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  const parsed = authenticationResponse.safeParse(parseJson(text));
  return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
}
