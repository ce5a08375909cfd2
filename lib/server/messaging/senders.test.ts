import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpTestServer, type SmtpTestServer } from "@/lib/testing/smtp-test-server";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { deliverMessage } from "./deliver-messages";
import { enqueueEmail, enqueueSms } from "./enqueue-message";
import { buildSenders } from "./senders";

describe("buildSenders", () => {
  const db = useTestDb();
  let relay: SmtpTestServer;
  beforeAll(async () => {
    relay = await startSmtpTestServer();
  });
  afterAll(() => relay.close());

  const mailFrom = "Espace numérique de santé <no-reply@espace-sante.test>";
  const address = () => `senders-${randomUUID()}@exemple.fr`;

  it("sends e-mails through SMTP_URL, from MAIL_FROM, outside production", async () => {
    const to = address();
    const id = await enqueueEmail(db, { to, subject: "Bienvenue", text: "Bonjour" });

    expect(
      await deliverMessage(testCtx(db), { messageId: id, ...buildSenders({ smtpUrl: relay.url, mailFrom, isProduction: false }) }),
    ).toBe("sent");

    const received = relay.received.filter((m) => m.envelopeTo.includes(to));
    expect(received).toHaveLength(1);
    expect(received[0].envelopeFrom).toBe("no-reply@espace-sante.test");
  });

  it("keeps e-mails and SMS in the outbox without SMTP_URL (development)", async () => {
    const senders = buildSenders({ smtpUrl: undefined, mailFrom, isProduction: false });
    expect(senders.mail).toBeUndefined();
    const emailId = await enqueueEmail(db, { to: address(), subject: "Bienvenue", text: "Bonjour" });
    const smsId = await enqueueSms(db, { to: "+33611223344", text: "Code : 123456" });

    expect(await deliverMessage(testCtx(db), { messageId: emailId, ...senders })).toBe("skipped");
    expect(await deliverMessage(testCtx(db), { messageId: smsId, ...senders })).toBe("skipped");
    const rows = await db.outboundMessage.findMany({ where: { id: { in: [emailId, smsId] } }, select: { sentAt: true, attempts: true } });
    expect(rows).toEqual([
      { sentAt: null, attempts: 0 },
      { sentAt: null, attempts: 0 },
    ]);
  });

  it("requires encryption in production: a relay without TLS gets nothing", async () => {
    const to = address();
    const id = await enqueueEmail(db, { to, subject: "Bienvenue", text: "Bonjour" });

    expect(
      await deliverMessage(testCtx(db), { messageId: id, ...buildSenders({ smtpUrl: relay.url, mailFrom, isProduction: true }) }),
    ).toBe("failed");

    expect(relay.received.filter((m) => m.envelopeTo.includes(to))).toHaveLength(0);
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/ETLS/);
    expect(() => buildSenders({ smtpUrl: `${relay.url}?ignoreTLS=true`, mailFrom, isProduction: true })).toThrow(/not safe/);
  });
});
