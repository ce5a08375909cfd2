import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/server/db";

/**
 * Writes a message to the outbox. Pass the transaction that causes the message (sign-up, code
 * request…): the row then commits or rolls back with it, so a rolled-back operation sends nothing and
 * a crash after commit loses nothing. Delivery happens afterwards (deliver-messages.ts).
 *
 * Inputs are built by our own code, so an invalid one is a programming error: it throws a ZodError
 * (whose issues name the field, never its value).
 */
type OutboxDb = Pick<Db, "outboundMessage">;

// Control characters in a subject would only ever come from a bug or an injection attempt.
const noControlCharacters = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const notBlank = (s: string) => s.trim().length > 0;

const emailInput = z.object({
  // 254: the column's size and RFC 5321's limit on a forward path.
  to: z.email().max(254),
  subject: z.string().max(200).refine(notBlank, "must not be blank").refine(noControlCharacters, "must be one line"),
  // Bounded so a runaway template cannot fill the table; real mails are a few hundred characters.
  text: z.string().max(100_000).refine(notBlank, "must not be blank"),
});

const smsInput = z.object({
  // E.164, which SMS providers expect: callers normalise national numbers (06…) before enqueuing.
  to: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +33612345678"),
  // 1,600 characters is ten concatenated SMS, the usual providers' ceiling.
  text: z.string().max(1_600).refine(notBlank, "must not be blank"),
});

const letterInput = z.object({
  // The address block as it goes on the envelope, one line per line; the column keeps its first 254 characters.
  to: z.string().min(1).max(700).refine(notBlank, "must not be blank"),
  subject: z.string().max(200).refine(notBlank, "must not be blank").refine(noControlCharacters, "must be one line"),
  text: z.string().max(10_000).refine(notBlank, "must not be blank"),
});

export type EmailInput = z.input<typeof emailInput>;
export type LetterInput = z.input<typeof letterInput>;
export type SmsInput = z.input<typeof smsInput>;

/** Queues an e-mail; returns the outbox row's id (for deliverMessage right after commit). */
export async function enqueueEmail(db: OutboxDb, input: EmailInput): Promise<string> {
  const { to, subject, text } = emailInput.parse(input);
  const row = await db.outboundMessage.create({
    data: { channel: "EMAIL", recipient: to, subject, body: text },
    select: { id: true },
  });
  return row.id;
}

/** Queues an SMS; returns the outbox row's id (for deliverMessage right after commit). */
export async function enqueueSms(db: OutboxDb, input: SmsInput): Promise<string> {
  const { to, text } = smsInput.parse(input);
  const row = await db.outboundMessage.create({
    data: { channel: "SMS", recipient: to, body: text },
    select: { id: true },
  });
  return row.id;
}

/**
 * Queues a postal letter (the identity activation code). No sender delivers letters here: they stay
 * in the outbox, shown by the development page, as a printing service's queue would hold them.
 */
export async function enqueueLetter(db: OutboxDb, input: LetterInput): Promise<string> {
  const { to, subject, text } = letterInput.parse(input);
  const row = await db.outboundMessage.create({
    data: { channel: "LETTER", recipient: to.replace(/\n/g, ", ").slice(0, 254), subject, body: `${to}\n\n${text}` },
    select: { id: true },
  });
  return row.id;
}
