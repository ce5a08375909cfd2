import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpTestServer, type SmtpTestServer } from "@/lib/testing/smtp-test-server";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { deliverMessage, deliverPendingMessages, type DeliveryOptions } from "./deliver-messages";
import { enqueueEmail, enqueueSms } from "./enqueue-message";
import { createMailTransport } from "./mail-transport";
import { developmentSmsSender, type SmsSender } from "./sms-provider";

const from = "Espace numérique de santé <no-reply@espace-sante.test>";
const address = (prefix = "patient") => `${prefix}-${randomUUID()}@exemple.fr`;
const phone = () => `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const code = "Votre code de connexion : 123456 — valable 10 minutes";

// Transactions from two connections interleave only on a real server: PGlite runs one at a time.
const realPostgres = Boolean(process.env.DATABASE_URL);

describe("outbox delivery", () => {
  const db = useTestDb();
  // A second client, as a second app instance would have.
  const otherInstance = useTestDb();

  let relay: SmtpTestServer;
  let refusingRelay: SmtpTestServer;
  beforeAll(async () => {
    relay = await startSmtpTestServer();
    refusingRelay = await startSmtpTestServer({ rejectRecipient: (to) => to.startsWith("refus-") });
  });
  afterAll(async () => {
    await relay.close();
    await refusingRelay.close();
  });

  const through = (server: SmtpTestServer, extra: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
    mail: createMailTransport(server.url, { requireEncryption: false }),
    from,
    ...extra,
  });
  const receivedBy = (server: SmtpTestServer, to: string) => server.received.filter((m) => m.envelopeTo.includes(to));
  const row = (id: string) => db.outboundMessage.findUniqueOrThrow({ where: { id } });

  it("sends queued e-mails over SMTP, accents intact, and marks them sent", async () => {
    const first = address();
    const second = address();
    const text = `Bonjour,\n\n${code}.\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.`;
    const ids = [
      await enqueueEmail(db, { to: first, subject: "Votre code de connexion — Espace santé", text }),
      await enqueueEmail(db, { to: second, subject: "Deuxième message", text: "Réponse à votre demande" }),
    ];

    const result = await deliverPendingMessages(testCtx(db), through(relay));

    // The file's database is its own (lib/testing/test-db.ts): the outbox holds exactly these two.
    expect(result).toEqual({ sent: 2, failed: 0 });
    const [mail] = receivedBy(relay, first);
    expect(receivedBy(relay, first)).toHaveLength(1);
    expect(mail.envelopeTo).toEqual([first]);
    expect(mail.envelopeFrom).toBe("no-reply@espace-sante.test");
    expect(mail.headers.get("to")).toContain(first);
    expect(mail.subject).toBe("Votre code de connexion — Espace santé");
    expect(mail.text.trimEnd()).toBe(text);
    expect(receivedBy(relay, second).map((m) => [m.subject, m.text.trimEnd()])).toEqual([["Deuxième message", "Réponse à votre demande"]]);
    for (const id of ids) {
      expect(await row(id)).toMatchObject({ sentAt: expect.any(Date), attempts: 0, lastError: null });
    }

    // A second pass finds nothing of ours to send.
    await deliverPendingMessages(testCtx(db), through(relay));
    expect(receivedBy(relay, first)).toHaveLength(1);
  });

  it("delivers one message right after the transaction that queued it commits, and only once", async () => {
    const to = address();
    const id = await db.$transaction((tx) => enqueueEmail(tx, { to, subject: "Bienvenue", text: code }));

    expect(await deliverMessage(testCtx(db), { messageId: id, ...through(relay) })).toBe("sent");
    expect(await deliverMessage(testCtx(db), { messageId: id, ...through(relay) })).toBe("skipped");
    await deliverPendingMessages(testCtx(db), through(relay));

    expect(receivedBy(relay, to)).toHaveLength(1);
    expect(receivedBy(relay, to)[0].text.trimEnd()).toBe(code);
    expect((await row(id)).sentAt).toBeInstanceOf(Date);
  });

  it("records a refused recipient as a failed attempt, without the content, and retries it later", async () => {
    const to = address("refus");
    const id = await enqueueEmail(db, { to, subject: "Code secret 123456", text: code });

    expect(await deliverMessage(testCtx(db), { messageId: id, ...through(refusingRelay) })).toBe("failed");
    let message = await row(id);
    expect(message.sentAt).toBeNull();
    expect(message.attempts).toBe(1);
    expect(message.lastError).toMatch(/^Error\[EENVELOPE\]: /);
    expect(message.lastError).not.toContain("123456");
    expect(message.lastError!.length).toBeLessThanOrEqual(500);

    // One pass tries a failing message once, not in a loop.
    const pass = await deliverPendingMessages(testCtx(db), through(refusingRelay));
    expect(pass).toEqual({ sent: 0, failed: 1 });
    expect((await row(id)).attempts).toBe(2);

    // The relay recovers: the retry pass delivers it.
    await deliverPendingMessages(testCtx(db), through(relay));
    message = await row(id);
    expect(message.sentAt).toBeInstanceOf(Date);
    expect(message.attempts).toBe(2);
    expect(receivedBy(relay, to)).toHaveLength(1);
    expect(receivedBy(refusingRelay, to)).toHaveLength(0);
  });

  it("gives up after maxAttempts", async () => {
    const to = address("refus");
    const id = await enqueueEmail(db, { to, subject: "Bienvenue", text: code });

    for (let i = 0; i < 4; i++) await deliverPendingMessages(testCtx(db), through(refusingRelay, { maxAttempts: 3 }));
    expect(await row(id)).toMatchObject({ attempts: 3, sentAt: null });

    // Even a working relay does not get it any more, from either path.
    await deliverPendingMessages(testCtx(db), through(relay, { maxAttempts: 3 }));
    expect(await deliverMessage(testCtx(db), { messageId: id, ...through(relay, { maxAttempts: 3 }) })).toBe("skipped");
    expect(receivedBy(relay, to)).toHaveLength(0);
    expect(await row(id)).toMatchObject({ attempts: 3, sentAt: null });

    // Keep it out of this file's later passes, which use the default limit.
    await db.outboundMessage.update({ where: { id }, data: { attempts: 1_000 } });
  });

  it("sends each message exactly once when two instances deliver at the same time", async () => {
    const slowRelay = await startSmtpTestServer({ acceptDelayMs: 20 });
    try {
      const recipients = Array.from({ length: 12 }, () => address("concurrent"));
      const ids = [];
      for (const to of recipients) ids.push(await enqueueEmail(db, { to, subject: "Rappel", text: code }));

      const [a, b] = await Promise.all([
        deliverPendingMessages(testCtx(db), through(slowRelay)),
        deliverPendingMessages(testCtx(otherInstance), through(slowRelay)),
      ]);

      expect(a.failed + b.failed).toBe(0);
      for (const to of recipients) expect(receivedBy(slowRelay, to)).toHaveLength(1);
      const rows = await db.outboundMessage.findMany({ where: { id: { in: ids } }, select: { sentAt: true } });
      expect(rows.every((r) => r.sentAt instanceof Date)).toBe(true);
    } finally {
      await slowRelay.close();
    }
  });

  it.runIf(realPostgres)("skips, without waiting, a message another instance is sending", async () => {
    const to = address();
    const id = await enqueueEmail(db, { to, subject: "Bienvenue", text: code });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let lockTaken!: () => void;
    const locked = new Promise<void>((resolve) => (lockTaken = resolve));
    const otherInstanceSending = otherInstance.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "OutboundMessage" WHERE "id" = ${id}::uuid FOR UPDATE`;
        lockTaken();
        await released;
      },
      { timeout: 20_000 },
    );
    try {
      await locked;
      expect(await deliverMessage(testCtx(db), { messageId: id, ...through(relay) })).toBe("skipped");
      await deliverPendingMessages(testCtx(db), through(relay));
      expect(receivedBy(relay, to)).toHaveLength(0);
    } finally {
      release();
      await otherInstanceSending;
    }
    expect(await deliverMessage(testCtx(db), { messageId: id, ...through(relay) })).toBe("sent");
    expect(receivedBy(relay, to)).toHaveLength(1);
  });

  it("leaves SMS in the outbox with the development sender, without counting attempts", async () => {
    const id = await enqueueSms(db, { to: phone(), text: code });

    const options = { ...through(relay), sms: developmentSmsSender };
    await deliverPendingMessages(testCtx(db), options);
    expect(await deliverMessage(testCtx(db), { messageId: id, ...options })).toBe("skipped");

    expect(await row(id)).toMatchObject({ sentAt: null, attempts: 0, lastError: null });
  });

  it("leaves e-mails in the outbox when there is no mail sender (no SMTP_URL)", async () => {
    const id = await enqueueEmail(db, { to: address(), subject: "Bienvenue", text: code });

    expect(await deliverPendingMessages(testCtx(db), { from, sms: developmentSmsSender })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverMessage(testCtx(db), { messageId: id, from })).toBe("skipped");

    expect(await row(id)).toMatchObject({ sentAt: null, attempts: 0 });
  });

  it("sends SMS through a provider when one is plugged in, and only SMS", async () => {
    const to = phone();
    const id = await enqueueSms(db, { to, text: code });
    const emailId = await enqueueEmail(db, { to: address(), subject: "Bienvenue", text: code });
    const delivered: { to: string; text: string }[] = [];
    const provider: SmsSender = { send: async (message) => void delivered.push(message) };

    await deliverPendingMessages(testCtx(db), { from, sms: provider });

    expect(delivered.filter((m) => m.to === to)).toEqual([{ to, text: code }]);
    expect((await row(id)).sentAt).toBeInstanceOf(Date);
    expect((await row(emailId)).sentAt).toBeNull();
  });

  it("counts a send that never answers as failed instead of holding the message", async () => {
    const id = await enqueueSms(db, { to: phone(), text: code });
    const hanging: SmsSender = { send: () => new Promise(() => {}) };

    expect(await deliverMessage(testCtx(db), { messageId: id, from, sms: hanging, sendTimeoutMs: 200 })).toBe("failed");

    const message = await row(id);
    expect(message).toMatchObject({ sentAt: null, attempts: 1 });
    expect(message.lastError).toMatch(/^SendTimeoutError: /);
  });
});
