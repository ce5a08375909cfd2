import "server-only";
import { verifyRegistrationResponse } from "@simplewebauthn/server";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { consumePasskeyChallenge } from "./passkey-challenge";
import { parseRegistrationResponse } from "./parse-webauthn-response";
import { relyingParty, type RelyingParty } from "./relying-party";

/**
 * Checks the browser's answer to startPasskeyRegistration and, when it holds, stores the new passkey
 * as a confirmed factor: the attestation itself proves the authenticator holds the key. The
 * challenge is consumed inside the check, so a response works once.
 *
 * User verification (PIN, fingerprint) is asked for but not required: the passkey is the second
 * factor after the password, and its phishing resistance comes from the origin binding.
 */
export async function verifyPasskeyRegistration(
  db: Pick<Db, "verificationCode" | "authFactor">,
  {
    userId,
    response,
    label,
    now = new Date(),
    rp = relyingParty(),
  }: { userId: string; response: string; label?: string; now?: Date; rp?: RelyingParty },
): Promise<boolean> {
  const parsed = parseRegistrationResponse(response);
  if (!parsed) return false;
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: parsed,
      expectedChallenge: (challenge) => consumePasskeyChallenge(db, { userId, purpose: "WEBAUTHN_REGISTRATION", challenge, now }),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch (error) {
    // simplewebauthn throws for every refusal (wrong origin, challenge, signature…); its message names the check.
    logger.info(
      { event: "passkey.registration_refused", userId, reason: error instanceof Error ? error.message.slice(0, 200) : "unknown" },
      "passkey registration refused",
    );
    return false;
  }
  if (!verification.verified) return false;
  const { credential } = verification.registrationInfo;
  // ON CONFLICT DO NOTHING rather than a caught unique violation, which would abort a surrounding transaction.
  const { count } = await db.authFactor.createMany({
    data: {
      userId,
      kind: "PASSKEY",
      credentialId: credential.id,
      publicKey: credential.publicKey,
      signCount: credential.counter,
      transports: parsed.response.transports ?? [],
      label: label?.trim().slice(0, 100) || null,
      confirmedAt: now,
    },
    skipDuplicates: true,
  });
  return count === 1;
}
