import { getTranslations } from "next-intl/server";
import { ticketSubjectText } from "@/lib/tickets/ticket-subject";

type Props = { ticket: { subject: string; subjectKey: string | null; subjectValues: unknown } };

/** A ticket's subject in the reader's language when the app opened it, as typed when a person did. */
export async function TicketSubject({ ticket }: Props) {
  const t = await getTranslations();
  return <>{ticketSubjectText((key, values) => t(key, values), ticket)}</>;
}
