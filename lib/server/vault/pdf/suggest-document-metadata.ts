import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import { findDocumentDate } from "./find-document-date";
import { suggestCategory } from "./suggest-category";

export type DocumentMetadataSuggestion = {
  /** null: no keyword points to a category; the patient chooses. */
  category: DocumentCategory | null;
  /** 0–1; 0 when there is no category. Suggest (pre-select) from about 0.5. */
  confidence: number;
  /** "YYYY-MM-DD", or null when the text holds no plausible date. */
  documentDate: string | null;
};

/**
 * What the patient is offered to confirm or change after uploading a PDF: a category from the words
 * of its text and the date it most likely bears. Pure: no database, no logging (the text is health data).
 */
export function suggestDocumentMetadata(text: string, { today }: { today?: string } = {}): DocumentMetadataSuggestion {
  const category = suggestCategory(text);
  return {
    category: category?.category ?? null,
    confidence: category?.confidence ?? 0,
    documentDate: findDocumentDate(text, { today }),
  };
}
