import "server-only";
import { createTranslator } from "use-intl/core";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";
import type { Tx } from "@/lib/server/db";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { mailText, type MailTemplate } from "@/lib/server/messaging/mail-text";
import { automaticSubject } from "@/lib/server/tickets/automatic-subject";

/**
 * Opens the ticket of one party to an identity conflict, in the conflict's transaction: each party
 * gets their own, so that support can talk to both and neither learns who the other is. Its first
 * message is the app's, in the party's language; it holds no NIR and no health data.
 */
export async function openIdentityTicket(
  tx: Pick<Tx, "user" | "supportTicket" | "notification" | "outboundMessage">,
  { userId, party }: { userId: string; party: "holder" | "claimant" },
): Promise<{ id: string; number: number }> {
  const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  // The catalogues are typed loosely here (one merged record), as in open-document-ticket.ts.
  const t = createTranslator({ locale: person.locale, messages: messages[person.locale] }) as unknown as (key: string) => string;
  return tx.supportTicket.create({
    data: {
      requesterId: userId,
      topic: "IDENTITY",
      ...automaticSubject(person.locale, { key: "identityConflict", values: {} }),
      messages: {
        create: {
          authorId: null,
          authorRole: "SUPPORT",
          authorLabel: t("identity.ticket.author").slice(0, 200),
          body: t(`identity.ticket.${party}`),
        },
      },
    },
    select: { id: true, number: true },
  });
}

/**
 * Tells one party about their identity conflict (or its resolution): an in-app alert that opens
 * their ticket and a mail that says only that, with the ticket's number. Returns the outbox row.
 */
export async function tellIdentityParty(
  tx: Pick<Tx, "user" | "supportTicket" | "notification" | "outboundMessage">,
  {
    userId,
    ticket,
    kind,
    template,
  }: {
    userId: string;
    ticket: { id: string; number: number };
    kind: Extract<NotificationKind, "IDENTITY_CONFLICT" | "IDENTITY_CONFLICT_RESOLVED">;
    template: MailTemplate;
  },
): Promise<string> {
  const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
  await tx.notification.create({ data: { userId, kind, ticketId: ticket.id, actorLabel: "Support" }, select: { id: true } });
  const mail = await mailText(person.locale, template, {
    firstName: person.firstName,
    number: String(ticket.number),
    link: new URL(`/support/${ticket.id}`, getConfig().appUrl).toString(),
  });
  return enqueueEmail(tx, { to: person.email, ...mail });
}
