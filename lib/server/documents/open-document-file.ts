import "server-only";
import type { Readable } from "node:stream";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { unwrapDocumentKey } from "@/lib/server/crypto/document-keys";
import { decryptingReader } from "@/lib/server/crypto/stream-encryption";
import { AppError } from "@/lib/server/errors";
import { appendReadHistory } from "@/lib/server/history/append-read-history";
import { accessDetails, historyActorForAccess } from "@/lib/server/access/access-history";
import { recordProfessionalAccessNow } from "@/lib/server/access/record-professional-access";
import { findDocumentFor } from "./find-owned-document";

export type OpenedDocumentFile = { stream: Readable; mimeType: string; fileName: string; sizeBytes: number; sha256: string };

/**
 * The plaintext of a document's file, for a preview (`VIEWED`) or a download (`DOWNLOADED`), to its
 * owner or to a professional the authorization module allows; the access is in the patient's history,
 * with its basis, before the first byte leaves. The stream errors at its end if the stored
 * bytes fail their authentication (see stream-encryption.ts): the route must then abort the response.
 */
export async function openDocumentFile(
  { db, storage, actor, ip: ipAddress }: SignedInCtx,
  { documentId, purpose, masterKey }: { documentId: string; purpose: "view" | "download"; masterKey?: Buffer },
): Promise<OpenedDocumentFile> {
  const { document, access } = await findDocumentFor(db, actor, documentId, purpose === "view" ? "read" : "download");
  if (!document.storageKey || !document.wrappedKey || document.sizeBytes === null || !document.mimeType || !document.sha256) {
    throw new AppError("NOT_FOUND", "Document has no file.");
  }
  const historyActor = await historyActorForAccess(db, actor, access);
  const source = await storage.openRead(document.storageKey);
  try {
    const event = {
      patientId: document.ownerId,
      actor: historyActor,
      action: purpose === "view" ? ("DOCUMENT_VIEWED" as const) : ("DOCUMENT_DOWNLOADED" as const),
      document: { id: document.id, title: document.title },
      details: accessDetails(access),
      ipAddress,
    };
    // Anyone but the owner: the professional access path, which alerts on a first access.
    if (access.basis === "OWNER") await appendReadHistory(db, event);
    else await recordProfessionalAccessNow(db, event);
    const key = unwrapDocumentKey(document.wrappedKey, { documentId: document.id, masterKey });
    // The key is not wiped here: the decipher is created only when the stream's header arrives.
    const stream = decryptingReader(source, { key, aad: `document-file:${document.id}` });
    return {
      stream,
      mimeType: document.mimeType,
      fileName: document.fileName ?? "document",
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
    };
  } catch (error) {
    source.destroy();
    throw error;
  }
}
