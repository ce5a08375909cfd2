import "server-only";
import { createTranslator } from "use-intl/core";
import type { DocumentReportReason } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import type { Db } from "@/lib/server/db";
import { automaticSubject } from "./automatic-subject";

/**
 * The ticket a vault report opens, in the report's own transaction. It carries the document's id as a
 * reference and the reason in words, in the patient's language; never the document's title, which
 * support must not see.
 */
export async function openDocumentTicket(
  tx: Pick<Db, "supportTicket" | "user">,
  {
    requesterId,
    documentId,
    reportId,
    reason,
    message,
  }: { requesterId: string; documentId: string; reportId: string; reason: DocumentReportReason; message: string | null },
): Promise<{ id: string; number: number }> {
  const requester = await tx.user.findUniqueOrThrow({
    where: { id: requesterId },
    select: { firstName: true, lastName: true, locale: true },
  });
  // The catalogues are typed loosely here (one merged record), hence the casts, as in mail-text.ts.
  const t = createTranslator({ locale: requester.locale, messages: messages[requester.locale] }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  return tx.supportTicket.create({
    data: {
      requesterId,
      topic: "DOCUMENT",
      ...automaticSubject(requester.locale, { key: "documentReport", values: { reason } }),
      documentId,
      documentReportId: reportId,
      messages: {
        create: {
          authorId: requesterId,
          authorRole: "PATIENT",
          authorLabel: `${requester.firstName} ${requester.lastName}`.slice(0, 200),
          body: message?.trim() || t("tickets.documentReport.noMessage"),
        },
      },
    },
    select: { id: true, number: true },
  });
}
