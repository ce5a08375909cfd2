import "server-only";
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * Test-only: an authenticator in software (ES256, "none" attestation), so the integration tests run
 * real ceremonies through simplewebauthn without a browser. `origin` is where the "browser" says it
 * is, which lets a test play a phishing site.
 */
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

export function softwareAuthenticator({
  rpId,
  origin,
  countsUses = true,
}: {
  rpId: string;
  origin: string;
  /** Synced passkeys always report 0. */ countsUses?: boolean;
}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialId = randomBytes(16);
  const jwk = publicKey.export({ format: "jwk" });
  const cosePublicKey = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
  let counter = 0;
  const id = base64url(credentialId);

  function authenticatorData({ attested }: { attested: boolean }): Buffer {
    const flags = 0x01 | 0x04 | (attested ? 0x40 : 0); // user present, user verified, attested data
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts = [createHash("sha256").update(rpId).digest(), Buffer.from([flags]), count];
    if (attested) {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(credentialId.length);
      parts.push(Buffer.alloc(16), length, credentialId, Buffer.from(cosePublicKey));
    }
    return Buffer.concat(parts);
  }

  const clientData = (type: string, challenge: string) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    credentialId: id,
    /** Sets the counter the next assertion reports (a cloned authenticator would lag behind). */
    setCounter(value: number) {
      counter = value;
    },
    register(options: Pick<PublicKeyCredentialCreationOptionsJSON, "challenge">): RegistrationResponseJSON {
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authenticatorData({ attested: true })],
        ]) as never,
      );
      return {
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: base64url(clientData("webauthn.create", options.challenge)),
          attestationObject: base64url(attestationObject),
          transports: ["internal"],
        },
      };
    },
    authenticate(options: Pick<PublicKeyCredentialRequestOptionsJSON, "challenge">): AuthenticationResponseJSON {
      if (countsUses) counter += 1;
      const data = authenticatorData({ attested: false });
      const clientDataJSON = clientData("webauthn.get", options.challenge);
      const signature = sign("sha256", Buffer.concat([data, createHash("sha256").update(clientDataJSON).digest()]), privateKey);
      return {
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: base64url(clientDataJSON),
          authenticatorData: base64url(data),
          signature: base64url(signature),
        },
      };
    },
  };
}
