import "server-only";
import nodemailer from "nodemailer";
// The file, not the folder: Node's ESM loader (Playwright, scripts) does not resolve folder imports.
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

/** Where e-mails leave the outbox; the delivery code depends on this, not on nodemailer. */
export interface MailSender {
  /** Resolves once the SMTP server accepted the message; rejects otherwise (recipient refused…). */
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

export type MailTransportOptions = Omit<SMTPTransport.Options, "url"> & {
  /**
   * Refuse to send in clear text (default: true; getSenders() passes `isProduction`). The SMTP_URL must
   * then be `smtps://…` (TLS from the first byte, usually port 465) or `smtp://…` (usually port 587)
   * on a server offering STARTTLS, which is then required: nodemailer fails the send rather than
   * continue unencrypted. Certificates are always verified. URL parameters that would weaken this
   * (`?ignoreTLS=true`, `?requireTLS=false`, `?tls.rejectUnauthorized=false`) are refused at start.
   * Set it to false only for a local catcher without TLS (tests, Mailpit in development).
   */
  requireEncryption?: boolean;
};

// Nodemailer's defaults (2 min to connect, 10 min of silence) would hold a claimed outbox row and a
// database connection far too long when the relay hangs.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** An SMTP MailSender for SMTP_URL (`smtp://user:pass@host:port` or `smtps://…`). */
export function createMailTransport(smtpUrl: string, options: MailTransportOptions = {}): MailSender {
  const { requireEncryption = true, ...transportOptions } = options;
  // The SMTP transport is built here rather than by createTransport({ url, ...options }), which
  // silently drops every option but the URL's.
  const smtp = new SMTPTransport({
    ...timeouts,
    ...(requireEncryption ? { requireTLS: true } : {}),
    ...transportOptions,
    url: smtpUrl,
  });
  if (requireEncryption) {
    // Checked on the merged options, because parameters in the URL override ours.
    const problem = encryptionProblem(smtp.options);
    if (problem) throw new Error(`SMTP_URL is not safe for production: ${problem}`);
  }
  const transporter = nodemailer.createTransport(smtp);

  return {
    async send({ from, to, subject, text }) {
      // An address object, not a string: a string is parsed as a list, an object is one recipient.
      await transporter.sendMail({
        from,
        to: { name: "", address: to },
        subject,
        text,
        // Our contents are plain strings: never let nodemailer read a file or fetch a URL for them.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
  };
}

function encryptionProblem(o: SMTPTransport.Options): string | undefined {
  if (o.ignoreTLS) return "ignoreTLS would send in clear text";
  if (!o.secure && !o.requireTLS) return "use smtps:// or let STARTTLS be required";
  if (o.tls?.rejectUnauthorized === false) return "the server's certificate must be verified";
  return undefined;
}
