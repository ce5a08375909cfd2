import "server-only";
import type { Locale } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { mailText, type MailTemplate } from "@/lib/server/messaging/mail-text";

export type MailRecipient = { email: string; firstName: string; locale: Locale };

/**
 * Queues one of the "something changed on your account" mails in the transaction that made the
 * change, so the notice is sent exactly when the change commits. Returns the outbox id to deliver.
 */
export async function queueSecurityMail(
  db: Pick<Db, "outboundMessage">,
  { to, template, values = {} }: { to: MailRecipient; template: MailTemplate; values?: Record<string, string | number> },
): Promise<string> {
  const mail = await mailText(to.locale, template, { firstName: to.firstName, ...values });
  return enqueueEmail(db, { to: to.email, ...mail });
}
