import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testAccountCtx, testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { addPasskey } from "./add-passkey";
import { relyingPartyOf } from "./relying-party";
import { softwareAuthenticator } from "./software-authenticator.test-support";
import { startPasskeyRegistration } from "./start-passkey-registration";

const rp = relyingPartyOf("https://sante.example");

describe("adding a passkey from the Sécurité page", () => {
  const db = useTestDb();
  const as = (userId: string) => testAccountCtx(db, userId, { ip: "192.0.2.9", userAgent: "Vitest" });
  const newUser = () =>
    db.user.create({
      data: { email: `ap-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true, email: true },
    });

  it("stores the passkey, records the event and queues the warning mail, together", async () => {
    const user = await newUser();
    const delivered: string[] = [];
    const options = await startPasskeyRegistration(testCtx(db), { userId: user.id, rp });
    const response = JSON.stringify(softwareAuthenticator({ rpId: rp.id, origin: rp.origin }).register(options));
    await addPasskey(as(user.id), { response, label: "Clé USB", rp, deliver: (id) => delivered.push(id) });

    expect(await db.authFactor.findMany({ where: { userId: user.id }, select: { kind: true, label: true } })).toEqual([
      { kind: "PASSKEY", label: "Clé USB" },
    ]);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "FACTOR_ENROLLED", ipAddress: "192.0.2.9" } })).toBe(1);
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: user.email } });
    expect(mail.subject).toMatch(/moyens de connexion/);
    expect(delivered).toEqual([mail.id]);
  });

  it("refuses a response that does not verify, and leaves no factor, event or mail behind", async () => {
    const user = await newUser();
    const options = await startPasskeyRegistration(testCtx(db), { userId: user.id, rp });
    const phished = JSON.stringify(softwareAuthenticator({ rpId: rp.id, origin: "https://evil.example" }).register(options));
    await expect(addPasskey(as(user.id), { response: phished, rp, deliver: () => {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "passkeys.errors.registrationRefused",
    });
    expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { recipient: user.email } })).toBe(0);
    // The challenge it answered is spent all the same.
    expect(await db.verificationCode.count({ where: { userId: user.id, consumedAt: null } })).toBe(0);
  });
});
