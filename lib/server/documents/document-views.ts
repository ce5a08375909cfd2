import "server-only";
import type { Document } from "@/lib/generated/prisma/client";
import { BIN_RETENTION_DAYS, type DocumentDetail, type DocumentSummary } from "@/lib/vault/document-api";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The columns a list row needs: never the extracted text, the keys or the storage location. */
export const summaryColumns = {
  id: true,
  title: true,
  category: true,
  documentDate: true,
  authorKind: true,
  authorLabel: true,
  createdAt: true,
  pinned: true,
  hiddenFromProfessionals: true,
  mimeType: true,
  sizeBytes: true,
  deletedAt: true,
} as const;

export const detailColumns = { ...summaryColumns, note: true, fileName: true, sha256: true, updatedAt: true, ownerId: true } as const;

type SummaryRow = Pick<Document, keyof typeof summaryColumns>;
type DetailRow = Pick<Document, keyof typeof detailColumns>;

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    documentDate: row.documentDate.toISOString().slice(0, 10),
    authorKind: row.authorKind,
    authorLabel: row.authorLabel,
    createdAt: row.createdAt.toISOString(),
    pinned: row.pinned,
    hiddenFromProfessionals: row.hiddenFromProfessionals,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    purgeAt: row.deletedAt ? new Date(row.deletedAt.getTime() + BIN_RETENTION_DAYS * DAY_MS).toISOString() : null,
  };
}

export function toDetail(row: DetailRow): DocumentDetail {
  return { ...toSummary(row), note: row.note, fileName: row.fileName, sha256: row.sha256, updatedAt: row.updatedAt.toISOString() };
}
