import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpTestServer, type SmtpTestServer } from "@/lib/testing/smtp-test-server";
import { createMailTransport } from "./mail-transport";

describe("createMailTransport", () => {
  let server: SmtpTestServer;
  beforeAll(async () => {
    server = await startSmtpTestServer({ rejectRecipient: (address) => address.startsWith("inconnu@") });
  });
  afterAll(() => server.close());

  const from = "Espace numérique de santé <no-reply@espace-sante.test>";

  it("sends one message with the envelope, subject and text a relay expects, accents included", async () => {
    const mail = createMailTransport(server.url, { requireEncryption: false });
    // A long line with accents: nodemailer encodes it (quoted-printable with soft breaks, or base64).
    const text = `Bonjour Élodie,\n\nVotre code de connexion : 123456 — valable 10 minutes. ${"Ne le communiquez à personne, même à un conseiller ; ".repeat(3)}\n\nÀ bientôt`;
    const subject = "Votre code de connexion : 123456 — valable 10 minutes, ne le communiquez à personne";
    await mail.send({ from, to: "elodie.martin@exemple.fr", subject, text });

    const received = server.received.filter((m) => m.envelopeTo.includes("elodie.martin@exemple.fr"));
    expect(received).toHaveLength(1);
    expect(received[0].envelopeTo).toEqual(["elodie.martin@exemple.fr"]);
    expect(received[0].envelopeFrom).toBe("no-reply@espace-sante.test");
    expect(received[0].headers.get("to")).toContain("elodie.martin@exemple.fr");
    expect(received[0].subject).toBe(subject);
    expect(received[0].text.trimEnd()).toBe(text);
    // The bytes on the wire are 7-bit: the accents really went through an encoding we decoded.
    expect(received[0].raw).toMatch(/^[\x00-\x7f]*$/);
  });

  it("rejects when the relay refuses the recipient", async () => {
    const mail = createMailTransport(server.url, { requireEncryption: false });
    await expect(mail.send({ from, to: "inconnu@exemple.fr", subject: "s", text: "t" })).rejects.toMatchObject({ code: "EENVELOPE" });
    expect(server.received.filter((m) => m.envelopeTo.includes("inconnu@exemple.fr"))).toHaveLength(0);
  });

  describe("requiring encryption (production)", () => {
    it("is the default, and then refuses to send to a relay without STARTTLS", async () => {
      const mail = createMailTransport(server.url);
      // ETLS: nodemailer tried STARTTLS, which this relay lacks, and stopped rather than go on in clear.
      await expect(mail.send({ from, to: "clair@exemple.fr", subject: "s", text: "t" })).rejects.toMatchObject({ code: "ETLS" });
      expect(server.received.filter((m) => m.envelopeTo.includes("clair@exemple.fr"))).toHaveLength(0);
    });

    it.each([
      ["ignoreTLS in the URL", "smtp://relay.exemple.fr:587?ignoreTLS=true"],
      ["requireTLS=false in the URL", "smtp://relay.exemple.fr:587?requireTLS=false"],
      ["an unverified certificate in the URL", "smtps://relay.exemple.fr:465?tls.rejectUnauthorized=false"],
    ])("refuses %s at creation", (_case, url) => {
      expect(() => createMailTransport(url)).toThrow(/not safe for production/);
    });

    it("refuses options that would weaken it", () => {
      expect(() => createMailTransport("smtp://relay.exemple.fr:587", { requireTLS: false })).toThrow(/not safe/);
      expect(() => createMailTransport("smtp://relay.exemple.fr:587", { ignoreTLS: true })).toThrow(/not safe/);
    });

    it("accepts smtps:// and smtp:// with STARTTLS required", () => {
      expect(() => createMailTransport("smtps://user:secret@relay.exemple.fr:465")).not.toThrow();
      expect(() => createMailTransport("smtp://user:secret@relay.exemple.fr:587")).not.toThrow();
    });

    it("does not put the credentials of SMTP_URL in its error", () => {
      expect(() => createMailTransport("smtp://user:s3cr3t@relay.exemple.fr:587?ignoreTLS=true")).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining("s3cr3t") }),
      );
    });
  });
});
