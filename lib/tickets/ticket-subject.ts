import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/message-key";
import { documentReportReasons } from "@/lib/vault/document-api";

/**
 * The subjects of the tickets the app opens itself (a document report, an identity conflict). They
 * are stored as a key and its values and read in the reader's language: the requester and the agent
 * may not share one, and either may switch. `SupportTicket.subject` still holds the text in the
 * requester's language when the ticket was opened, which is all older rows have.
 *
 * Adding one: a key here with the zod schema of its values, a line in `renderers`, and its message in
 * both catalogues; open the ticket with `automaticSubject()` (lib/server/tickets/automatic-subject.ts).
 */
export const ticketSubjectValues = {
  documentReport: z.object({ reason: z.enum(documentReportReasons) }),
  identityConflict: z.object({}),
} as const;

export type TicketSubjectKey = keyof typeof ticketSubjectValues;
export type TicketSubject = { [K in TicketSubjectKey]: { key: K; values: z.infer<(typeof ticketSubjectValues)[K]> } }[TicketSubjectKey];

/** next-intl's `t` without a namespace (subjects borrow words from other areas, e.g. report reasons). */
export type SubjectTranslator = (key: MessageKey, values?: Record<string, string>) => string;

const renderers: { [K in TicketSubjectKey]: (t: SubjectTranslator, values: z.infer<(typeof ticketSubjectValues)[K]>) => string } = {
  documentReport: (t, { reason }) => t("tickets.documentReport.subject", { reason: t(`documents.report.reasons.${reason}`) }),
  identityConflict: (t) => t("identity.ticket.subject"),
};

export function renderTicketSubject(t: SubjectTranslator, subject: TicketSubject): string {
  return (renderers[subject.key] as (t: SubjectTranslator, values: unknown) => string)(t, subject.values);
}

/**
 * A ticket's subject for its reader: from its key when it has one this version knows and whose values
 * read, else the text stored at opening (older rows, a person's own subject, a key from a later version).
 */
export function ticketSubjectText(
  t: SubjectTranslator,
  ticket: { subject: string; subjectKey: string | null; subjectValues: unknown },
): string {
  const key = ticket.subjectKey;
  if (!key || !Object.hasOwn(ticketSubjectValues, key)) return ticket.subject;
  const values = ticketSubjectValues[key as TicketSubjectKey].safeParse(ticket.subjectValues ?? {});
  return values.success ? renderTicketSubject(t, { key, values: values.data } as TicketSubject) : ticket.subject;
}
