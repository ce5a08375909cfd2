import { z } from "zod";

/**
 * The fields of a support ticket, shared by the forms (limits, topics) and the server actions. Error
 * messages are i18n keys. The schemas are not strict on purpose: a field nobody asked for (a forged
 * authorRole, status or requesterId) is dropped, never used.
 */
export const TICKET_TOPICS = ["ACCOUNT", "SIGN_IN", "DOCUMENT", "CONNECTED_APP", "ACCESS", "OTHER"] as const;
export const TICKET_SUBJECT_MAX = 150;
export const TICKET_MESSAGE_MAX = 4000;

// Tabs and line breaks belong in a message; other control and direction characters only hide text.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u2028\u2029\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const oneLine = (value: string) => !FORBIDDEN_CHARACTERS.test(value);
const multiLine = (value: string) => !FORBIDDEN_CHARACTERS.test(value.replace(/[\t\r\n]/g, " "));

export const ticketMessageSchema = z
  .string()
  .trim()
  .min(1, "tickets.form.messageRequired")
  .max(TICKET_MESSAGE_MAX, "tickets.form.messageTooLong")
  .refine(multiLine, "tickets.form.invalidCharacters");

export const openTicketSchema = z.object({
  topic: z.enum(TICKET_TOPICS, "tickets.form.topicRequired"),
  subject: z
    .string()
    .trim()
    .min(1, "tickets.form.subjectRequired")
    .max(TICKET_SUBJECT_MAX, "tickets.form.subjectTooLong")
    .refine(oneLine, "tickets.form.invalidCharacters"),
  message: ticketMessageSchema,
});
export type OpenTicketInput = z.input<typeof openTicketSchema>;

export const ticketReplySchema = z.object({ ticketId: z.uuid(), message: ticketMessageSchema });
export type TicketReplyInput = z.input<typeof ticketReplySchema>;

export const ticketIdSchema = z.object({ ticketId: z.uuid() });

/** The agent queue's filters, from the address: anything unknown falls back to the default. */
export const ticketQueueQuerySchema = z.object({
  status: z.enum(["open", "answered", "closed", "all"]).catch("open"),
  assigned: z.enum(["mine", "unassigned", "all"]).catch("all"),
  after: z
    .string()
    .regex(/^\d{13}_[0-9a-f-]{36}$/i)
    .optional()
    .catch(undefined),
});
export type TicketQueueQuery = z.output<typeof ticketQueueQuerySchema>;

/** An agent's assignment: an agent's id, or empty to unassign. */
export const assignTicketSchema = z.object({
  ticketId: z.uuid(),
  assigneeId: z.union([z.uuid(), z.literal("")]).transform((value) => value || null),
});
export type AssignTicketInput = z.input<typeof assignTicketSchema>;
