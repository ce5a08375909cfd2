import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { hashChallenge } from "./passkey-challenge";
import { relyingPartyOf } from "./relying-party";
import { softwareAuthenticator } from "./software-authenticator.test-support";
import { startPasskeyRegistration } from "./start-passkey-registration";
import { startPasskeySignIn } from "./start-passkey-sign-in";
import { verifyPasskeyRegistration } from "./verify-passkey-registration";
import { verifyPasskeySignIn } from "./verify-passkey-sign-in";

const rp = relyingPartyOf("https://sante.example:8443/anything");

describe("passkey registration and sign-in (real ceremonies, software authenticator)", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `pk-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });
  const authenticator = () => softwareAuthenticator({ rpId: rp.id, origin: rp.origin });

  async function register(userId: string, device = authenticator(), label?: string) {
    const options = await startPasskeyRegistration(testCtx(db), { userId, rp });
    const response = JSON.stringify(device.register(options));
    return { device, options, response, ok: await verifyPasskeyRegistration(db, { userId, response, label, rp }) };
  }

  async function assertion(userId: string, device: ReturnType<typeof authenticator>) {
    const options = await startPasskeySignIn(testCtx(db), { userId, rp });
    return { options, response: JSON.stringify(device.authenticate(options)) };
  }

  it("derives the RP ID and origin from APP_URL", () => {
    expect(rp).toMatchObject({ id: "sante.example", origin: "https://sante.example:8443" });
  });

  it("registers a passkey as a confirmed factor, with its public key, counter and transports", async () => {
    const user = await newUser();
    const { device, options, ok } = await register(user.id, authenticator(), "  Téléphone  ");
    expect(ok).toBe(true);
    expect(options.rp.id).toBe("sante.example");
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "preferred" });
    const factor = await db.authFactor.findFirstOrThrow({ where: { userId: user.id } });
    expect(factor).toMatchObject({
      kind: "PASSKEY",
      credentialId: device.credentialId,
      signCount: 0,
      transports: ["internal"],
      label: "Téléphone",
    });
    expect(factor.confirmedAt).toBeInstanceOf(Date);
    expect(factor.publicKey?.length).toBeGreaterThan(60);
    const challenge = await db.verificationCode.findFirstOrThrow({ where: { userId: user.id, purpose: "WEBAUTHN_REGISTRATION" } });
    expect(challenge.codeHash).toBe(hashChallenge(options.challenge));
    expect(challenge.consumedAt).toBeInstanceOf(Date);
  });

  it("excludes the passkeys a user already has from a new registration", async () => {
    const user = await newUser();
    const { device } = await register(user.id);
    const options = await startPasskeyRegistration(testCtx(db), { userId: user.id, rp });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([device.credentialId]);
  });

  it("refuses a registration response replayed, or answering another user's challenge", async () => {
    const [user, other] = [await newUser(), await newUser()];
    const { response, ok } = await register(user.id);
    expect(ok).toBe(true);
    expect(await verifyPasskeyRegistration(db, { userId: user.id, response, rp })).toBe(false);

    const victimOptions = await startPasskeyRegistration(testCtx(db), { userId: user.id, rp });
    const stolen = JSON.stringify(authenticator().register(victimOptions));
    expect(await verifyPasskeyRegistration(db, { userId: other.id, response: stolen, rp })).toBe(false);
    expect(await db.authFactor.count({ where: { userId: other.id } })).toBe(0);
  });

  it("refuses a registration made on another origin (a phishing site)", async () => {
    const user = await newUser();
    const options = await startPasskeyRegistration(testCtx(db), { userId: user.id, rp });
    const phished = softwareAuthenticator({ rpId: rp.id, origin: "https://sante-example.evil" }).register(options);
    expect(await verifyPasskeyRegistration(db, { userId: user.id, response: JSON.stringify(phished), rp })).toBe(false);
    expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses malformed responses without throwing", async () => {
    const user = await newUser();
    for (const response of ["not json", "{}", JSON.stringify({ id: "x", rawId: "x", type: "public-key", response: {} })]) {
      expect(await verifyPasskeyRegistration(db, { userId: user.id, response, rp })).toBe(false);
      expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp })).toBe(false);
    }
  });

  it("signs in with the passkey, once per challenge, and moves its counter forward", async () => {
    const user = await newUser();
    const { device } = await register(user.id);
    const { options, response } = await assertion(user.id, device);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([device.credentialId]);
    expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp })).toBe(true);
    const factor = await db.authFactor.findFirstOrThrow({ where: { userId: user.id } });
    expect(factor.signCount).toBe(1);
    expect(factor.lastUsedAt).toBeInstanceOf(Date);
    // The same assertion again: its challenge is spent.
    expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp })).toBe(false);
  });

  it("refuses a replayed assertion from a passkey whose counter stays at 0 (synced passkeys)", async () => {
    const user = await newUser();
    const { device } = await register(user.id, softwareAuthenticator({ rpId: rp.id, origin: rp.origin, countsUses: false }));
    const { response } = await assertion(user.id, device);
    expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp })).toBe(true);
    // Only the spent challenge stops this one: the counter cannot.
    expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp })).toBe(false);
    expect(await verifyPasskeySignIn(db, { userId: user.id, response: (await assertion(user.id, device)).response, rp })).toBe(true);
  });

  it("refuses an assertion once its challenge has expired", async () => {
    const user = await newUser();
    const { device } = await register(user.id);
    const { response } = await assertion(user.id, device);
    const later = new Date(Date.now() + 6 * 60_000);
    expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp, now: later })).toBe(false);
  });

  it("refuses another user's passkey, even a valid one with a live challenge", async () => {
    const [owner, intruder] = [await newUser(), await newUser()];
    const { device: ownersDevice } = await register(owner.id);
    await register(intruder.id);
    // The intruder, half signed in as themselves, answers their own challenge with the owner's passkey.
    const intruderOptions = await startPasskeySignIn(testCtx(db), { userId: intruder.id, rp });
    const response = JSON.stringify(ownersDevice.authenticate(intruderOptions));
    expect(await verifyPasskeySignIn(db, { userId: intruder.id, response, rp })).toBe(false);
  });

  it("refuses an unknown credential", async () => {
    const user = await newUser();
    await register(user.id);
    const { response } = await assertion(user.id, authenticator());
    expect(await verifyPasskeySignIn(db, { userId: user.id, response, rp })).toBe(false);
  });

  it("refuses an assertion signed for another origin", async () => {
    const user = await newUser();
    const { device } = await register(user.id);
    const options = await startPasskeySignIn(testCtx(db), { userId: user.id, rp });
    const parsed = JSON.parse(JSON.stringify(device.authenticate(options)));
    const clientData = JSON.parse(Buffer.from(parsed.response.clientDataJSON, "base64url").toString());
    parsed.response.clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, origin: "https://evil.example" })).toString("base64url");
    expect(await verifyPasskeySignIn(db, { userId: user.id, response: JSON.stringify(parsed), rp })).toBe(false);
  });

  it("refuses an authenticator whose counter went backwards (a clone)", async () => {
    const user = await newUser();
    const { device } = await register(user.id);
    expect(await verifyPasskeySignIn(db, { userId: user.id, response: (await assertion(user.id, device)).response, rp })).toBe(true);
    expect(await verifyPasskeySignIn(db, { userId: user.id, response: (await assertion(user.id, device)).response, rp })).toBe(true);
    device.setCounter(0); // the next assertion reports 1, behind the stored 2
    expect(await verifyPasskeySignIn(db, { userId: user.id, response: (await assertion(user.id, device)).response, rp })).toBe(false);
    expect((await db.authFactor.findFirstOrThrow({ where: { userId: user.id } })).signCount).toBe(2);
  });

  it("has no sign-in options for an account without a passkey", async () => {
    const user = await newUser();
    await expect(startPasskeySignIn(testCtx(db), { userId: user.id, rp })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
