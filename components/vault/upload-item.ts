import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import type { UploadResult } from "@/lib/queries/documents/upload-document";

/** One file the patient is adding: its form values, then its upload's progress and outcome. */
export type UploadItem = {
  key: string;
  file: File;
  title: string;
  category: DocumentCategory;
  documentDate: string;
  note: string;
  status: "ready" | "sending" | "done" | "failed";
  /** 0–1 */
  progress: number;
  error?: string;
  result?: UploadResult;
  /** What became of the server's suggestion: still offered, applied, or declined. */
  suggestion?: "offered" | "applied" | "kept";
};

/** The title a file starts with: its name without the extension. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, "").trim();
  return (base || fileName).slice(0, 200);
}

/** Suggestions worth offering: the server's pick where it differs from the patient's. */
export function differingSuggestion(item: UploadItem): { category?: DocumentCategory; documentDate?: string } | null {
  const suggestion = item.result?.suggestion;
  if (!suggestion) return null;
  const confident = suggestion.confidence === undefined || suggestion.confidence >= 0.5;
  const category = suggestion.category && confident && suggestion.category !== item.category ? suggestion.category : undefined;
  const documentDate = suggestion.documentDate && suggestion.documentDate !== item.documentDate ? suggestion.documentDate : undefined;
  return category || documentDate ? { category, documentDate } : null;
}
