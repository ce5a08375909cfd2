import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { CHALLENGE_TTL_MS, limitChallengeRequests, storePasskeyChallenge } from "./passkey-challenge";
import { relyingParty, type RelyingParty } from "./relying-party";

/**
 * Options for the browser to sign in with one of this user's passkeys, as the second step after the
 * password. Only the user's confirmed passkeys are offered, so the browser never lists another one.
 */
export async function startPasskeySignIn(
  { db, now }: Ctx,
  { userId, rp = relyingParty() }: { userId: string; rp?: RelyingParty },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await db.authFactor.findMany({
    where: { userId, kind: "PASSKEY", confirmedAt: { not: null }, credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) throw new AppError("NOT_FOUND", "no passkey", { messageKey: "passkeys.errors.noPasskey" });
  await limitChallengeRequests(db, userId);
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId!, transports: passkey.transports })),
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  await storePasskeyChallenge(db, { userId, purpose: "WEBAUTHN_AUTHENTICATION", challenge: options.challenge, now: now() });
  return options;
}
