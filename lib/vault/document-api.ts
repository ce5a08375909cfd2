import { z } from "zod";
import { calendarDay, hasNul } from "@/lib/schemas/boundary";
import { documentCategories } from "./document-categories";
import { authorKinds, documentReportReasons, documentSorts } from "./document-options";

/**
 * The vault's JSON API: the schemas the route handlers parse with, and the types the pages' react-query
 * hooks call them with. Client components import only types from here (`import type`, erased at build),
 * so zod stays on the server; the values they need are in document-options.ts. Every route answers errors as `{ code, message }` with the
 * message already in the user's language; mutations must come from the app's own origin.
 *
 *   GET    /api/documents?…DocumentListQuery           → DocumentPage
 *   POST   /api/uploads  (raw file; headers, see lib/server/vault/upload/parse-upload-request.ts)
 *                                                       → 201 { id, suggestion }
 *   GET    /api/documents/:id                          → DocumentDetail (also a binned one)
 *   PATCH  /api/documents/:id       DocumentPatch      → DocumentDetail
 *   POST   /api/documents/:id/bin                      → DocumentDetail (into the bin)
 *   POST   /api/documents/:id/restore                  → DocumentDetail (out of the bin)
 *   DELETE /api/documents/:id                          → 204 (permanent; only from the bin)
 *   POST   /api/documents/:id/report  DocumentReportInput → 201 { id }
 *   POST   /api/documents/bulk        DocumentBulkInput  → { updated: number }
 *   GET    /api/documents/:id/file[?download=1]        → the exact bytes uploaded (inline or attachment)
 */

// The closed lists live apart, without zod, for the pages' client components to import (document-options.ts).
export { authorKinds, documentReportReasons, documentSorts, type DocumentSort } from "./document-options";

/** Documents are dated from 1900 to 2100 (PostgreSQL refuses year 0, which JavaScript accepts). */
const isoDate = calendarDay();

const FORBIDDEN_CHARACTERS = /[\p{Cc}\u2028\u2029\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const withoutControls = (value: string) => !FORBIDDEN_CHARACTERS.test(value);
const noteWithoutControls = (value: string) => !FORBIDDEN_CHARACTERS.test(value.replace(/[\t\r\n]/g, " "));

export const documentTitleSchema = z.string().trim().min(1).max(200).refine(withoutControls);
export const documentNoteSchema = z.string().trim().max(2000).refine(noteWithoutControls);

/** Query string of the list. Empty values mean "no filter". */
export const documentListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .refine((value) => !hasNul(value))
    .optional(),
  category: z.enum(documentCategories).optional(),
  author: z.enum(authorKinds).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  pinned: z.enum(["true"]).optional(),
  /** "true": the bin instead of the live documents. */
  bin: z.enum(["true"]).optional(),
  sort: z.enum(documentSorts).default("date_desc"),
  /** Opaque, from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type DocumentListQuery = z.input<typeof documentListQuerySchema>;

export const documentPatchSchema = z
  .object({
    title: documentTitleSchema,
    category: z.enum(documentCategories),
    documentDate: isoDate,
    note: documentNoteSchema.nullable(),
    pinned: z.boolean(),
    hiddenFromProfessionals: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0);
export type DocumentPatch = z.infer<typeof documentPatchSchema>;

export const documentBulkSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("setCategory"), ids: z.array(z.uuid()).min(1).max(100), category: z.enum(documentCategories) }).strict(),
  z.object({ action: z.enum(["bin", "restore", "hide", "unhide"]), ids: z.array(z.uuid()).min(1).max(100) }).strict(),
]);
export type DocumentBulkInput = z.infer<typeof documentBulkSchema>;

export const documentReportSchema = z
  .object({
    reason: z.enum(documentReportReasons),
    message: z.string().trim().max(1000).refine(noteWithoutControls).optional(),
  })
  .strict();
export type DocumentReportInput = z.infer<typeof documentReportSchema>;

/** A row of the list (dates as "YYYY-MM-DD" / ISO strings). */
export type DocumentSummary = {
  id: string;
  title: string;
  category: (typeof documentCategories)[number];
  documentDate: string;
  authorKind: (typeof authorKinds)[number];
  /** "Vous" is the client's to say when authorKind is PATIENT; otherwise the author's name. */
  authorLabel: string | null;
  createdAt: string;
  pinned: boolean;
  hiddenFromProfessionals: boolean;
  mimeType: string | null;
  sizeBytes: number | null;
  /** Set when the document is in the bin; it is deleted for good 30 days later (purgeAt). */
  deletedAt: string | null;
  purgeAt: string | null;
};

export type DocumentPage = { items: DocumentSummary[]; nextCursor: string | null };

export type DocumentDetail = DocumentSummary & {
  note: string | null;
  fileName: string | null;
  sha256: string | null;
  updatedAt: string;
};

/** What `POST /api/uploads` answers (201): the new document, and for a PDF with text the suggestion to confirm. */
export type UploadResponse = {
  id: string;
  suggestion: { category: (typeof documentCategories)[number] | null; confidence: number; documentDate: string | null } | null;
};

/** The bin keeps a document this long before deleting it for good. */
export const BIN_RETENTION_DAYS = 30;
