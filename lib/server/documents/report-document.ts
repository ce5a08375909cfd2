import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory } from "@/lib/server/history/record-history";
import { logger } from "@/lib/server/logger";
import { openDocumentTicket } from "@/lib/server/tickets/open-document-ticket";
import { documentReportSchema, type DocumentReportInput } from "@/lib/vault/document-api";
import { findOwnedDocument } from "./find-owned-document";

/**
 * The patient reports a problem with a document. Support receives the document's reference, the
 * reason and the patient's words, never the document's title or content, as a support ticket opened
 * in the same transaction (the patient follows it under /support).
 */
export async function reportDocument(
  { db, actor, ip: ipAddress }: SignedInCtx,
  { documentId, ...input }: DocumentReportInput & { documentId: string },
): Promise<{ id: string; ticketId: string; ticketNumber: number }> {
  const report = documentReportSchema.parse(input);
  const document = await findOwnedDocument(db, actor, documentId);
  const historyActor = await historyActorOf(db, actor, "PATIENT");
  const created = await db.$transaction(async (tx) => {
    const row = await tx.documentReport.create({
      data: { documentId: document.id, reporterId: document.ownerId, reason: report.reason, message: report.message || null },
      select: { id: true },
    });
    const ticket = await openDocumentTicket(tx, {
      requesterId: document.ownerId,
      documentId: document.id,
      reportId: row.id,
      reason: report.reason,
      message: report.message || null,
    });
    await recordHistory(tx, {
      patientId: document.ownerId,
      actor: historyActor,
      action: "DOCUMENT_REPORTED",
      document: { id: document.id, title: document.title },
      details: { reason: report.reason },
      ipAddress,
    });
    return { id: row.id, ticketId: ticket.id, ticketNumber: ticket.number };
  });
  logger.info(
    { event: "vault.document.reported", reportId: created.id, ticketId: created.ticketId, reason: report.reason },
    "Document problem reported to support.",
  );
  return created;
}
