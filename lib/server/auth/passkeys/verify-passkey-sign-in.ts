import "server-only";
import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { consumePasskeyChallenge } from "./passkey-challenge";
import { parseAuthenticationResponse } from "./parse-webauthn-response";
import { relyingParty, type RelyingParty } from "./relying-party";

/**
 * The second step of signing in with a passkey: the assertion must come from one of THIS user's
 * confirmed passkeys, answer their latest live challenge (consumed here, so once only) and be
 * signed for this site's origin.
 */
export async function verifyPasskeySignIn(
  db: Pick<Db, "verificationCode" | "authFactor">,
  { userId, response, now = new Date(), rp = relyingParty() }: { userId: string; response: string; now?: Date; rp?: RelyingParty },
): Promise<boolean> {
  const parsed = parseAuthenticationResponse(response);
  if (!parsed) return false;
  // userId in the query: someone else's passkey, even a valid one, proves nothing about this account.
  const passkey = await db.authFactor.findFirst({
    where: { credentialId: parsed.id, userId, kind: "PASSKEY", confirmedAt: { not: null } },
    select: { id: true, credentialId: true, publicKey: true, signCount: true, transports: true },
  });
  if (!passkey?.credentialId || !passkey.publicKey) return false;
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: parsed,
      expectedChallenge: (challenge) => consumePasskeyChallenge(db, { userId, purpose: "WEBAUTHN_AUTHENTICATION", challenge, now }),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.signCount,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
  } catch (error) {
    logger.info(
      { event: "passkey.sign_in_refused", userId, reason: error instanceof Error ? error.message.slice(0, 200) : "unknown" },
      "passkey sign-in refused",
    );
    return false;
  }
  if (!verification.verified) return false;
  const { newCounter } = verification.authenticationInfo;
  // A counter that did not move forward means a cloned authenticator (synced passkeys always send 0).
  // simplewebauthn checks it too; kept here so the rule does not hang on a library default.
  if ((newCounter > 0 || passkey.signCount > 0) && newCounter <= passkey.signCount) return false;
  // Conditional on the counter read above: two assertions racing cannot both move it.
  const { count } = await db.authFactor.updateMany({
    where: { id: passkey.id, signCount: passkey.signCount },
    data: { signCount: newCounter, lastUsedAt: now },
  });
  return count === 1;
}
