import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { enqueueEmail, enqueueSms } from "./enqueue-message";

describe("enqueueEmail and enqueueSms", () => {
  const db = useTestDb();
  const address = () => `outbox-${randomUUID()}@exemple.fr`;

  it("writes an unsent e-mail row and returns its id", async () => {
    const to = address();
    const id = await enqueueEmail(db, { to, subject: "Votre code", text: "Votre code de connexion : 123456" });
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      channel: "EMAIL",
      recipient: to,
      subject: "Votre code",
      body: "Votre code de connexion : 123456",
      attempts: 0,
      sentAt: null,
      lastError: null,
    });
  });

  it("writes an unsent SMS row without a subject", async () => {
    const id = await enqueueSms(db, { to: "+33612345678", text: "Code : 654321" });
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      channel: "SMS",
      recipient: "+33612345678",
      subject: null,
      body: "Code : 654321",
      attempts: 0,
      sentAt: null,
    });
  });

  it("commits and rolls back with the transaction that queues it", async () => {
    const kept = address();
    const dropped = address();
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, { to: kept, subject: "Bienvenue", text: "Compte créé" });
    });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { to: dropped, subject: "Bienvenue", text: "Compte créé" });
        await enqueueSms(tx, { to: "+33700000001", text: "Compte créé" });
        throw new Error("sign-up failed after queuing");
      }),
    ).rejects.toThrow("sign-up failed after queuing");
    expect(await db.outboundMessage.count({ where: { recipient: kept } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { recipient: dropped } })).toBe(0);
  });

  it.each([
    ["a malformed address", { to: "pas-une-adresse", subject: "s", text: "t" }],
    ["two addresses at once", { to: "a@exemple.fr, b@exemple.fr", subject: "s", text: "t" }],
    ["an empty subject", { to: "a@exemple.fr", subject: " ", text: "t" }],
    ["a subject over 200 characters", { to: "a@exemple.fr", subject: "x".repeat(201), text: "t" }],
    ["a subject with a line break", { to: "a@exemple.fr", subject: "Code\r\nBcc: x@exemple.fr", text: "t" }],
    ["an empty text", { to: "a@exemple.fr", subject: "s", text: "" }],
    ["a blank text", { to: "a@exemple.fr", subject: "s", text: " \n " }],
  ])("refuses an e-mail with %s", async (_case, input) => {
    const before = await db.outboundMessage.count();
    await expect(enqueueEmail(db, input)).rejects.toThrow();
    expect(await db.outboundMessage.count()).toBe(before);
  });

  it("accepts a subject of exactly 200 characters", async () => {
    await expect(enqueueEmail(db, { to: address(), subject: "é".repeat(200), text: "t" })).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["a national number", { to: "0612345678", text: "t" }],
    ["no plus sign", { to: "33612345678", text: "t" }],
    ["a leading zero after the plus", { to: "+0612345678", text: "t" }],
    ["spaces", { to: "+33 6 12 34 56 78", text: "t" }],
    ["too few digits", { to: "+331234", text: "t" }],
    ["too many digits", { to: "+3312345678901234", text: "t" }],
    ["an empty text", { to: "+33612345678", text: "" }],
  ])("refuses an SMS with %s", async (_case, input) => {
    await expect(enqueueSms(db, input)).rejects.toThrow();
  });

  it("accepts E.164 numbers of 7 to 15 digits", async () => {
    await expect(enqueueSms(db, { to: "+3312345", text: "t" })).resolves.toBeTruthy();
    await expect(enqueueSms(db, { to: "+331234567890123", text: "t" })).resolves.toBeTruthy();
  });
});
