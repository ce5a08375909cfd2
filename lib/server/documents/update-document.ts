import "server-only";
import type { HistoryAction } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory, type HistoryEvent } from "@/lib/server/history/record-history";
import { documentPatchSchema, type DocumentDetail, type DocumentPatch } from "@/lib/vault/document-api";
import { detailColumns, toDetail } from "./document-views";
import { findOwnedDocument } from "./find-owned-document";

/**
 * Edits a document's metadata, pin and visibility to professionals. The history says which fields
 * an edit changed (their names, not their values) and records hiding and un-hiding as such.
 */
export async function updateDocument(
  { db, actor, ip: ipAddress }: SignedInCtx,
  { documentId, ...input }: DocumentPatch & { documentId: string },
): Promise<DocumentDetail> {
  const patch = documentPatchSchema.parse(input);
  const document = await findOwnedDocument(db, actor, documentId);
  const historyActor = await historyActorOf(db, actor, "PATIENT");

  const edited = (["title", "category", "documentDate", "note"] as const).filter((field) => {
    if (!(field in patch)) return false;
    if (field === "documentDate") return patch.documentDate !== document.documentDate.toISOString().slice(0, 10);
    return patch[field] !== document[field];
  });
  const title = patch.title ?? document.title;
  const events: HistoryEvent[] = [];
  const event = (action: HistoryAction, details?: HistoryEvent["details"]): HistoryEvent => ({
    patientId: document.ownerId,
    actor: historyActor,
    action,
    document: { id: document.id, title },
    details,
    ipAddress,
  });
  if (edited.length) events.push(event("DOCUMENT_EDITED", { fields: edited }));
  if (patch.hiddenFromProfessionals !== undefined && patch.hiddenFromProfessionals !== document.hiddenFromProfessionals) {
    events.push(event(patch.hiddenFromProfessionals ? "DOCUMENT_HIDDEN" : "DOCUMENT_UNHIDDEN"));
  }

  const updated = await db.$transaction(async (tx) => {
    const row = await tx.document.update({
      where: { id: document.id },
      data: { ...patch, documentDate: patch.documentDate ? new Date(`${patch.documentDate}T00:00:00Z`) : undefined },
      select: detailColumns,
    });
    if (events.length) await recordHistory(tx, events);
    return row;
  });
  return toDetail(updated);
}
