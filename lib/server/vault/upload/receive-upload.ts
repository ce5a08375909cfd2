import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorKind, DocumentCategory } from "@/lib/generated/prisma/enums";
import { accessDetails, historyActorForAccess } from "@/lib/server/access/access-history";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import { recordProfessionalAccess } from "@/lib/server/access/record-professional-access";
import { generateDocumentKey, wrapDocumentKey } from "@/lib/server/crypto/document-keys";
import { createEncryptStream } from "@/lib/server/crypto/stream-encryption";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";
import { logger } from "@/lib/server/logger";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { authorize } from "@/lib/server/policy/policy";
import { professionalLabel, professionalOf } from "@/lib/server/professional/professional-of";
import { newStorageKey } from "@/lib/server/storage/storage-key";
import { extractPdfText } from "@/lib/server/vault/pdf/extract-pdf-text";
import { cleanDisplayName } from "@/lib/vault/display-name";
import type { FileRefusalReason } from "@/lib/vault/file-refusal-reasons";
import { createUtf8TextCheck } from "@/lib/vault/inspect/check-utf8-text";
import { FILE_HEAD_BYTES, inspectFileHead } from "@/lib/vault/inspect/inspect-file-head";
import { PDF_TEXT_MAX_BYTES, UPLOAD_MIN_RATE } from "./upload-limits";

export type UploadMetadata = {
  title: string;
  category: DocumentCategory;
  /** "YYYY-MM-DD". */
  documentDate: string;
  note: string | null;
};

/** One upload; who sends it, from where, and into which database and storage are the ctx's. */
export type ReceiveUploadInput = {
  /** The raw file, as the request body streams it. */
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length: what must arrive, no more, no less. */
  declaredLength: number;
  /** As the client sent it (decoded); cleaned before it is stored, never used as a path. */
  fileName: string;
  metadata: UploadMetadata;
  /**
   * Who the document is shown as added by, when not the patient themself: the demo seed's documents
   * "from" a hospital or a doctor. Authorization stays on the actor, who must own the space.
   */
  author?: { kind: Exclude<AuthorKind, "PATIENT">; label: string; addedById?: string | null };
  /** A fixed id, for the demo seed's idempotence; generated otherwise. */
  documentId?: string;
  /**
   * Whose space the document goes into, when not the actor's own: a professional adding to a
   * patient's space, which the authorization module must allow ("add": médecin traitant or a consent
   * with adding). The document is then shown as added by that professional.
   */
  patientId?: string;
};

export type ReceiveUploadOptions = {
  /** Largest file accepted, in bytes (configuration: vaultMaxFileBytes). */
  maxFileBytes: number;
  /** What all of one patient's files may take, in bytes (configuration: vaultQuotaBytes). */
  quotaBytes: number;
  /** The configured master key unless given (tests). */
  masterKey?: Buffer;
  /** Aborted when the client goes away: reading stops and nothing is kept. */
  signal?: AbortSignal;
  /** The floor rate under which the body is no longer waited for (UPLOAD_MIN_RATE unless given: tests). */
  minRate?: { bytesPerSecond: number; windowMs: number };
};

export type ReceivedUpload = {
  documentId: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
  /** The text of a PDF (may be ""), null for other types or when it could not be read. */
  extractedText: string | null;
};

/**
 * Receives one upload into the vault, streaming: memory stays flat whatever the file's size, except
 * for a PDF, whose plaintext is also kept in memory (up to PDF_TEXT_MAX_BYTES, never more) to extract
 * its text once it has fully arrived; a larger PDF is stored without text.
 *
 * Order (crash consistency, see blob-storage.ts): refuse what can be refused before reading (size,
 * quota, empty); read and inspect the head (refused type: 415 before the rest is read); stream the
 * rest, counting (413 the moment the count passes the limit), hashing and checking text, encrypted
 * into a temporary file that is fsynced; check the count against the declared length; extract a
 * PDF's text; `putFile`; one transaction that re-checks the quota under a lock on the owner and
 * creates the row and its history entry. A failure before `putFile` removes the temporary file; a failed transaction
 * deletes the stored blob. So an aborted upload leaves no row, and no file once this returns.
 */
export async function receiveUpload(
  { db, storage, actor, ip: ipAddress }: SignedInCtx,
  input: ReceiveUploadInput,
  options: ReceiveUploadOptions,
): Promise<ReceivedUpload> {
  const { body, declaredLength, fileName, metadata } = input;
  const { maxFileBytes, quotaBytes, masterKey, signal, minRate = UPLOAD_MIN_RATE } = options;
  const ownerId = input.patientId ?? actor?.userId ?? "";
  let addedBy: {
    author: NonNullable<ReceiveUploadInput["author"]>;
    historyActor: HistoryActor;
    details: Prisma.InputJsonObject | null;
  } | null = null;
  if (ownerId === actor?.userId) {
    authorize(actor, "health:write-own", { ownerId });
  } else {
    const access = await authorizeHealth(db, actor, ownerId, { kind: "documentList" }, "add");
    const professional = await professionalOf(db, actor);
    addedBy = {
      author: { kind: "PROFESSIONAL", label: professionalLabel(professional), addedById: actor!.userId },
      historyActor: await historyActorForAccess(db, actor, access),
      details: accessDetails(access),
    };
  }

  if (!Number.isSafeInteger(declaredLength) || declaredLength < 0) throw new AppError("BAD_REQUEST", "Invalid declared upload length.");
  if (declaredLength > maxFileBytes) throw tooLarge(maxFileBytes);
  if (declaredLength === 0) throw refused("EMPTY");
  if (!body) throw refused("EMPTY");
  await assertWithinQuota(db, ownerId, declaredLength, quotaBytes);

  const reader = body.getReader();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  let received = 0;
  // Every window, the body must have brought its share; otherwise reading stops (a pending read ends
  // when the reader is cancelled) and the upload is answered 408 like any other refusal.
  let tooSlow = false;
  let receivedAtWindowStart = 0;
  const watchdog = setInterval(() => {
    if (received - receivedAtWindowStart < (minRate.bytesPerSecond * minRate.windowMs) / 1000) {
      tooSlow = true;
      void reader.cancel().catch(() => {});
    }
    receivedAtWindowStart = received;
  }, minRate.windowMs);
  const readChunk = async (): Promise<Uint8Array | null> => {
    if (signal?.aborted) throw aborted();
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      throw tooSlow ? slow(minRate) : aborted(error);
    }
    if (tooSlow) throw slow(minRate);
    if (signal?.aborted) throw aborted();
    if (result.done) {
      clearInterval(watchdog);
      return null;
    }
    received += result.value.byteLength;
    // Checked on every chunk, so reading stops at most one chunk past the limit.
    if (received > maxFileBytes) throw tooLarge(maxFileBytes);
    if (received > declaredLength) throw lengthMismatch();
    return result.value;
  };

  let tempPath: string | null = null;
  let storageKey: string | null = null;
  let stored = false;
  try {
    // The head first: a refused type is answered before the rest of the file is read.
    const headChunks: Uint8Array[] = [];
    let headLength = 0;
    let ended = false;
    while (headLength < FILE_HEAD_BYTES) {
      const chunk = await readChunk();
      if (!chunk) {
        ended = true;
        break;
      }
      headChunks.push(chunk);
      headLength += chunk.byteLength;
    }
    const firstBytes = Buffer.concat(headChunks);
    const verdict = await inspectFileHead({ head: firstBytes, fileName, isWholeFile: ended });
    if (!verdict.accepted) {
      logger.info(
        { event: "vault.upload.refused", reason: verdict.reason, detectedMimeType: verdict.detectedMimeType },
        "Upload refused by type.",
      );
      throw refused(verdict.reason);
    }
    const isPdf = verdict.type.kind === "pdf";
    const textCheck = verdict.type.kind === "text" ? createUtf8TextCheck() : null;
    const hash = createHash("sha256");
    let pdfChunks: Buffer[] | null = isPdf ? [] : null;

    const documentId = input.documentId ?? randomUUID();
    const dataKey = generateDocumentKey();
    const wrappedKey = wrapDocumentKey(dataKey, { documentId, masterKey });

    const plaintext = async function* () {
      let chunk: Uint8Array | null = firstBytes;
      let total = 0;
      while (chunk) {
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        hash.update(bytes);
        total += bytes.length;
        if (textCheck?.push(bytes)) throw refused("NOT_TEXT");
        if (pdfChunks) {
          // A copy: the stream may reuse its buffers. Past the cap, the text is not extracted at all.
          if (total <= PDF_TEXT_MAX_BYTES) pdfChunks.push(Buffer.from(bytes));
          else pdfChunks = null;
        }
        yield bytes;
        chunk = ended ? null : await readChunk();
      }
      ended = true;
    };

    tempPath = join(await storage.tempDir(), `${randomUUID()}.part`);
    const file = await open(tempPath, "wx", 0o600);
    try {
      await pipeline(
        Readable.from(plaintext()),
        createEncryptStream({ key: dataKey, aad: `document-file:${documentId}` }),
        fileWriter(file),
      );
      await file.sync();
    } finally {
      dataKey.fill(0);
      await file.close();
    }

    if (received !== declaredLength) throw lengthMismatch();
    if (textCheck?.end()) throw refused("NOT_TEXT");
    const sha256 = hash.digest("hex");

    let extractedText: string | null = null;
    if (pdfChunks) {
      const result = await extractPdfText(Buffer.concat(pdfChunks));
      pdfChunks = null;
      if (result.failure)
        logger.info(
          { event: "vault.upload.pdfTextFailed", documentId, failure: result.failure, errorName: result.errorName },
          "PDF text not extracted.",
        );
      // PostgreSQL text cannot hold NUL.
      extractedText = result.text === null ? null : result.text.replace(/\0/g, "");
    }
    if (signal?.aborted) throw aborted();

    // The history names who the document comes from: the patient, or the doctor or establishment.
    const author = addedBy?.author ?? input.author;
    const historyActor = addedBy
      ? addedBy.historyActor
      : author
        ? { userId: author.addedById ?? null, role: author.kind === "PROFESSIONAL" ? ("PROFESSIONAL" as const) : null, label: author.label }
        : await historyActorOf(db, actor, "PATIENT");
    storageKey = newStorageKey(ownerId);
    await storage.putFile(storageKey, tempPath);
    stored = true;
    tempPath = null;

    const alertMessageId = await db.$transaction(async (tx) => {
      // Serialises one owner's commits, so concurrent uploads cannot together pass the quota.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${ownerId}::uuid FOR UPDATE`;
      await assertWithinQuota(tx, ownerId, declaredLength, quotaBytes);
      await tx.document.create({
        data: {
          id: documentId,
          ownerId,
          title: metadata.title,
          category: metadata.category,
          documentDate: new Date(`${metadata.documentDate}T00:00:00Z`),
          note: metadata.note,
          authorKind: author?.kind ?? "PATIENT",
          addedById: author ? (author.addedById ?? null) : ownerId,
          authorLabel: author?.label ?? null,
          storageKey,
          wrappedKey: new Uint8Array(wrappedKey),
          sizeBytes: received,
          sha256,
          mimeType: verdict.mimeType,
          fileName: cleanDisplayName(fileName, { maxLength: 255 }),
          extractedText,
        },
        select: { id: true },
      });
      const event = {
        patientId: ownerId,
        actor: historyActor,
        action: addedBy ? ("DOCUMENT_ADDED" as const) : ("DOCUMENT_UPLOADED" as const),
        document: { id: documentId, title: metadata.title },
        details: addedBy?.details ?? null,
        ipAddress,
      };
      if (!addedBy) {
        await recordHistory(tx, event);
        return null;
      }
      // A professional adding to a patient's space: alerted like any professional access.
      return (await recordProfessionalAccess(tx, event)).messageId;
    });
    if (alertMessageId) afterCommitDeliver(alertMessageId);
    logger.info({ event: "vault.upload.stored", documentId, ownerId, sizeBytes: received, mimeType: verdict.mimeType }, "Upload stored.");
    return { documentId, sizeBytes: received, sha256, mimeType: verdict.mimeType, extractedText };
  } catch (error) {
    if (stored && storageKey) {
      await storage
        .delete(storageKey)
        .catch((cause: unknown) =>
          logger.error({ event: "vault.upload.orphanBlob", storageKey, err: cause }, "Could not delete the blob of a failed upload."),
        );
    }
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearInterval(watchdog);
    signal?.removeEventListener("abort", onAbort);
    if (tempPath) {
      const path = tempPath;
      await storage
        .removeTemporary(path)
        .catch((cause: unknown) =>
          logger.error({ event: "vault.upload.tempLeft", err: cause }, "Could not remove an upload's temporary file."),
        );
    }
  }
}

async function assertWithinQuota(db: Pick<Db, "document">, ownerId: string, incoming: number, quotaBytes: number): Promise<void> {
  // Documents in the bin still take their room until they are permanently deleted.
  const used = await db.document.aggregate({ where: { ownerId }, _sum: { sizeBytes: true } });
  if ((used._sum.sizeBytes ?? 0) + incoming > quotaBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", "Upload refused: quota exceeded.", {
      messageKey: "vault.upload.quotaExceeded",
      messageValues: { quotaMegabytes: megabytes(quotaBytes) },
    });
  }
}

function fileWriter(file: FileHandle): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      file.write(chunk).then(() => callback(), callback);
    },
  });
}

function refused(reason: FileRefusalReason): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", `Upload refused: ${reason}.`, { messageKey: `vault.refusal.${reason}` });
}

function tooLarge(maxFileBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "Upload refused: over the size limit.", {
    messageKey: "vault.refusal.TOO_LARGE",
    messageValues: { maxMegabytes: megabytes(maxFileBytes) },
  });
}

function lengthMismatch(): AppError {
  return new AppError("BAD_REQUEST", "Upload refused: received bytes differ from Content-Length.", {
    messageKey: "vault.upload.lengthMismatch",
  });
}

function slow(minRate: { bytesPerSecond: number; windowMs: number }): AppError {
  return new AppError("REQUEST_TIMEOUT", "Upload stopped: the body arrived under the floor rate.", {
    messageKey: "vault.upload.tooSlow",
    messageValues: { kibPerSecond: Math.round(minRate.bytesPerSecond / 1024), seconds: Math.round(minRate.windowMs / 1000) },
  });
}

function aborted(cause?: unknown): AppError {
  return new AppError("BAD_REQUEST", "Upload aborted by the client.", { cause, messageKey: "vault.upload.aborted" });
}

function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}
