import "server-only";
import { authorizeApp, authorizeAppScope } from "@/lib/server/access/authorize-app";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { appDocumentColumns, type AppDocumentRow } from "./to-document-reference";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const appDocumentSelect = { ...appDocumentColumns, addedBy: { select: { firstName: true, lastName: true } } } as const;

export function authorDisplayOf(row: {
  authorLabel: string | null;
  addedBy: { firstName: string; lastName: string } | null;
}): string | null {
  return row.authorLabel ?? (row.addedBy ? `${row.addedBy.firstName} ${row.addedBy.lastName}` : null);
}

/**
 * One document the app may read (or download), or NOT_FOUND: another patient's, a hidden or binned
 * one, or one of a category the patient did not share look exactly like a missing id. A token without
 * the DocumentReference scope is FORBIDDEN before anything is read.
 */
export async function findAppDocument(db: Pick<Db, "document">, access: AppAccess, documentId: string, use: "document" | "download") {
  authorizeAppScope(access, use, "read");
  if (!UUID.test(documentId)) throw new AppError("NOT_FOUND");
  const found = await db.document.findUnique({ where: { id: documentId }, select: { ...appDocumentSelect, wrappedKey: true } });
  if (!found) throw new AppError("NOT_FOUND");
  authorizeApp(access, found.ownerId, { kind: use, document: found }, "read");
  const { addedBy, wrappedKey, ...row } = found;
  return {
    row: { ...row, authorDisplay: authorDisplayOf({ authorLabel: row.authorLabel, addedBy }) } satisfies AppDocumentRow,
    wrappedKey,
  };
}
