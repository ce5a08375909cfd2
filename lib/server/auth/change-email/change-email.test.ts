import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testAccountCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { confirmEmailChange } from "./confirm-email-change";
import { requestEmailChange } from "./request-email-change";

const deliver = () => {};
const address = (tag: string) => `${tag}-${randomUUID()}@test.local`;

describe("changing the e-mail address", () => {
  const db = useTestDb();
  const as = (userId: string) => testAccountCtx(db, userId, { ip: null, userAgent: "Vitest" });
  const newUser = (email = address("old")) =>
    db.user.create({ data: { email, firstName: "Léa", lastName: "Roux", status: "ACTIVE" }, select: { id: true, email: true } });

  /** The code from the last mail to an address. */
  async function codeSentTo(email: string): Promise<string> {
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: email }, orderBy: { createdAt: "desc" } });
    return mail.body.match(/\b(\d{6})\b/)![1];
  }

  it("sends a code to the new address, then switches over and tells the old one", async () => {
    const user = await newUser();
    const target = address("NEW").toUpperCase();
    expect(await requestEmailChange(as(user.id), { newEmail: ` ${target} `, deliver })).toEqual({
      sentTo: target.toLowerCase(),
    });
    // Nothing changes until the code comes back.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const code = await codeSentTo(target.toLowerCase());
    expect(await confirmEmailChange(as(user.id), { code, deliver })).toEqual({ email: target.toLowerCase() });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(target.toLowerCase());
    expect(after.emailVerifiedAt).not.toBeNull();
    expect((await db.outboundMessage.findFirstOrThrow({ where: { recipient: user.email } })).subject).toMatch(/adresse/);
    const kinds = (await db.securityEvent.findMany({ where: { userId: user.id }, select: { kind: true } })).map((e) => e.kind).sort();
    expect(kinds).toEqual(["EMAIL_CHANGED", "EMAIL_CHANGE_REQUESTED"]);
    // The code is single-use.
    await expect(confirmEmailChange(as(user.id), { code, deliver })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "code",
    });
  });

  it("answers a taken address like a free one, and refuses it only at confirmation", async () => {
    const owner = await newUser(address("taken"));
    const user = await newUser();
    const free = await requestEmailChange(as(user.id), { newEmail: address("free"), deliver });
    const taken = await requestEmailChange(as(user.id), { newEmail: owner.email, deliver });
    expect(Object.keys(taken)).toEqual(Object.keys(free));
    await expect(confirmEmailChange(as(user.id), { code: await codeSentTo(owner.email), deliver })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "security.email.taken",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "EMAIL_CHANGED" } })).toBe(0);
  });

  it("refuses a wrong code, and the same address as now", async () => {
    const user = await newUser();
    await expect(requestEmailChange(as(user.id), { newEmail: user.email, deliver })).rejects.toMatchObject({
      messageKey: "security.email.same",
    });
    await requestEmailChange(as(user.id), { newEmail: address("next"), deliver });
    await expect(confirmEmailChange(as(user.id), { code: "000000", deliver })).rejects.toMatchObject({
      messageKey: "security.email.codeErrors.INVALID",
    });
  });
});
