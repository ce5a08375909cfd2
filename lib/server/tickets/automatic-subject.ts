import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { renderTicketSubject, type SubjectTranslator, type TicketSubject } from "@/lib/tickets/ticket-subject";

/**
 * The subject columns of a ticket the app opens: its key and values, read in each reader's language,
 * and the text in the requester's language for `subject` (what older code and exports read).
 * Spread into `supportTicket.create({ data: { ...automaticSubject(locale, subject), … } })`.
 */
export function automaticSubject(locale: Locale, subject: TicketSubject): { subject: string; subjectKey: string; subjectValues: TicketSubject["values"] } {
  // The catalogues are typed loosely here (one merged record), as in mail-text.ts.
  const t = createTranslator({ locale, messages: messages[locale] }) as unknown as SubjectTranslator;
  return { subject: renderTicketSubject(t, subject).slice(0, 150), subjectKey: subject.key, subjectValues: subject.values };
}
