/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1 and a random port, without
 * TLS, recording what it accepts. Mail code is tested against it rather than against a mock, so the
 * tests see the bytes a relay would see.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** The SMTP envelope (MAIL FROM / RCPT TO), which is what routing obeys, not the headers. */
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  /** Decoded from the raw message: encoded words, quoted-printable or base64, CRLF made LF. */
  headers: Map<string, string>;
  subject: string;
  text: string;
};

export type SmtpTestServer = {
  /** `smtp://127.0.0.1:<port>`: give createMailTransport `{ requireEncryption: false }`. */
  url: string;
  received: ReceivedMail[];
  close: () => Promise<void>;
};

type Options = {
  /** Answers RCPT TO with 550 for these addresses, as a relay does for an unknown mailbox. */
  rejectRecipient?: (address: string) => boolean;
  /** Holds each message this long before accepting it, to widen race windows. */
  acceptDelayMs?: number;
  /** 0 (default) picks a free port; the end-to-end suite needs a known one. */
  port?: number;
};

export async function startSmtpTestServer({ rejectRecipient, acceptDelayMs = 0, port: wanted = 0 }: Options = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectRecipient?.(address.address)) {
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        const mailFrom = session.envelope.mailFrom;
        received.push({
          envelopeFrom: mailFrom ? mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMessage(raw),
        });
        setTimeout(() => callback(), acceptDelayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(wanted, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Enough MIME for single-part text messages such as nodemailer writes for `{ text }`. */
export function parseMessage(raw: string): { headers: Map<string, string>; subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (!/^text\/plain\b/i.test(headers.get("content-type") ?? "text/plain")) {
    throw new Error(`Expected a single text/plain part, got ${headers.get("content-type")}`);
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64")
        : Buffer.from(body, "latin1");
  return {
    headers,
    subject: decodeEncodedWords(headers.get("subject") ?? ""),
    text: bytes.toString("utf8").replace(/\r\n/g, "\n"),
  };
}

/** RFC 2045 quoted-printable, as bytes (a UTF-8 character's bytes may straddle a soft line break). */
function decodeQuotedPrintable(body: string): Buffer {
  const unwrapped = body.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    const hex = unwrapped.slice(i + 1, i + 3);
    if (unwrapped[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(unwrapped.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;

/**
 * RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`). Adjacent words are joined as bytes
 * before UTF-8 decoding: the white space between them is not part of the text, and a character may be
 * split across two words.
 */
function decodeEncodedWords(value: string): string {
  const joined = value.replace(/\?=\s+(?==\?)/g, "?=");
  return joined.replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=)+/g, (run) => {
    const chunks: Buffer[] = [];
    for (const [, charset, kind, data] of run.matchAll(ENCODED_WORD)) {
      if (!/^utf-?8$/i.test(charset)) throw new Error(`Unexpected charset ${charset}`);
      chunks.push(kind.toUpperCase() === "B" ? Buffer.from(data, "base64") : decodeQuotedPrintable(data.replace(/_/g, " ")));
    }
    return Buffer.concat(chunks).toString("utf8");
  });
}
