import "server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import type { Document } from "@/lib/generated/prisma/client";
import { attachmentSha256Extension, documentCategorySystem } from "./fhir-urls";

/** The columns an app's view of a document needs: never the note, the extracted text or the keys. */
export const appDocumentColumns = {
  id: true,
  ownerId: true,
  title: true,
  category: true,
  documentDate: true,
  authorLabel: true,
  hiddenFromProfessionals: true,
  deletedAt: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  fileName: true,
  storageKey: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type AppDocumentRow = Pick<Document, keyof typeof appDocumentColumns> & {
  /** Who added it: the establishment or insurer's name, else the account's name. */
  authorDisplay: string | null;
};

/**
 * A vault document as a DocumentReference. `date` is when it was added (what the API sorts and
 * filters on), the document's own date is the context period; the file is a relative Binary link.
 */
export function toDocumentReference(row: AppDocumentRow): DocumentReference {
  const category = { coding: [{ system: documentCategorySystem(), code: row.category }] };
  const documentDate = row.documentDate.toISOString().slice(0, 10);
  return {
    resourceType: "DocumentReference",
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    status: "current",
    type: category,
    category: [category],
    subject: { reference: `Patient/${row.ownerId}` },
    date: row.createdAt.toISOString(),
    ...(row.authorDisplay ? { author: [{ display: row.authorDisplay }] } : {}),
    description: row.title,
    content: [
      {
        attachment: row.storageKey
          ? {
              contentType: row.mimeType ?? undefined,
              size: row.sizeBytes ?? undefined,
              title: row.fileName ?? row.title,
              url: `Binary/${row.id}`,
              creation: row.createdAt.toISOString(),
              ...(row.sha256
                ? {
                    extension: [{ url: attachmentSha256Extension(), valueBase64Binary: Buffer.from(row.sha256, "hex").toString("base64") }],
                  }
                : {}),
            }
          : { title: row.title },
      },
    ],
    context: { period: { start: documentDate, end: documentDate } },
  };
}
