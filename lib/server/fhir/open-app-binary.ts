import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { unwrapDocumentKey } from "@/lib/server/crypto/document-keys";
import { decryptingReader } from "@/lib/server/crypto/stream-encryption";
import type { OpenedDocumentFile } from "@/lib/server/documents/open-document-file";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { findAppDocument } from "./find-app-document";
import { recordAppAccessNow } from "./record-app-access";

/**
 * `GET Binary/<id>`: a document's exact bytes, decrypted as they stream, for an app that may read that
 * document (the same decision as its DocumentReference). The download is in the patient's history
 * before the first byte leaves; the stream errors at its end if the stored bytes fail authentication.
 */
export async function openAppBinary(
  { db, storage, ip: ipAddress }: Ctx,
  { access, documentId, masterKey }: { access: AppAccess; documentId: string; masterKey?: Buffer },
): Promise<OpenedDocumentFile> {
  const { row, wrappedKey } = await findAppDocument(db, access, documentId, "download");
  if (!row.storageKey || !wrappedKey || row.sizeBytes === null || !row.mimeType || !row.sha256)
    throw new AppError("NOT_FOUND", "Document has no file.");
  const source = await storage.openRead(row.storageKey);
  try {
    await recordAppAccessNow(db, access, {
      action: "DOCUMENT_DOWNLOADED",
      document: { id: row.id, title: row.title },
      details: { resource: "Binary" },
      ipAddress,
    });
    const key = unwrapDocumentKey(wrappedKey, { documentId: row.id, masterKey });
    const stream = decryptingReader(source, { key, aad: `document-file:${row.id}` });
    return { stream, mimeType: row.mimeType, fileName: row.fileName ?? "document", sizeBytes: row.sizeBytes, sha256: row.sha256 };
  } catch (error) {
    source.destroy();
    throw error;
  }
}
