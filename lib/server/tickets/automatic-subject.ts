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
export function automaticSubject(
  locale: Locale,
  subject: TicketSubject,
): { subject: string; subjectKey: string; subjectValues: TicketSubject["values"] } {
  const translator = createTranslator({ locale, messages: messages[locale] });
  const t: SubjectTranslator = (key, values) => translator(key, values);
  return { subject: renderTicketSubject(t, subject).slice(0, 150), subjectKey: subject.key, subjectValues: subject.values };
}
