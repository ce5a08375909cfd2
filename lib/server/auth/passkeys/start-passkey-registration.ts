import "server-only";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { Ctx } from "@/lib/server/context/ctx";
import { CHALLENGE_TTL_MS, limitChallengeRequests, storePasskeyChallenge } from "./passkey-challenge";
import { relyingParty, type RelyingParty } from "./relying-party";

/**
 * Options for the browser to create a passkey for this user. The challenge is kept (hashed) for
 * verifyPasskeyRegistration; the user's existing passkeys are excluded, so an authenticator that
 * already holds one says so instead of making a duplicate.
 */
export async function startPasskeyRegistration(
  { db, now }: Ctx,
  { userId, rp = relyingParty() }: { userId: string; rp?: RelyingParty },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await limitChallengeRequests(db, userId);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      firstName: true,
      lastName: true,
      factors: { where: { kind: "PASSKEY", credentialId: { not: null } }, select: { credentialId: true, transports: true } },
    },
  });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // The account id (16 bytes), not the e-mail: the user handle sits in the authenticator and must
    // stay the same across registrations so that a new passkey replaces an older one of ours there.
    userID: Uint8Array.from(Buffer.from(userId.replaceAll("-", ""), "hex")),
    userName: user.email,
    userDisplayName: `${user.firstName} ${user.lastName}`,
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: user.factors.map((factor) => ({ id: factor.credentialId!, transports: factor.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storePasskeyChallenge(db, { userId, purpose: "WEBAUTHN_REGISTRATION", challenge: options.challenge, now: now() });
  return options;
}
