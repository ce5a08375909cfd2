import "server-only";
import { z } from "zod";
import { calendarDay } from "@/lib/schemas/boundary";
import { documentCategories } from "@/lib/vault/document-categories";
import { AppError } from "@/lib/server/errors";
import type { UploadMetadata } from "./receive-upload";

/** The message key of a request without Content-Length, which the route answers with 411. */
export const LENGTH_REQUIRED_MESSAGE_KEY = "vault.upload.lengthRequired";

// Controls (CR/LF, NUL…), bidi and invisible format characters: nothing a title or a note needs.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u2028\u2029\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const NOTE_ALLOWED_CONTROLS = /[\t\r\n]/g;

/** A header value percent-encoded as UTF-8 (headers themselves carry only Latin-1). */
const percentEncoded = (max: number) =>
  z
    .string()
    .max(max * 9)
    .transform((value, context) => {
      try {
        return decodeURIComponent(value);
      } catch {
        context.addIssue({ code: "custom", message: "not percent-encoded UTF-8" });
        return z.NEVER;
      }
    });

const headerSchema = z.object({
  fileName: percentEncoded(1000).pipe(z.string().min(1).max(1000)),
  title: percentEncoded(200).pipe(
    z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((value) => !FORBIDDEN_CHARACTERS.test(value)),
  ),
  category: z.enum(documentCategories),
  // From 1900 to 2100, as every document date (X-Document-Date: 0000-01-01 reached PostgreSQL).
  documentDate: calendarDay(),
  note: percentEncoded(2000)
    .pipe(
      z
        .string()
        .trim()
        .max(2000)
        .refine((value) => !FORBIDDEN_CHARACTERS.test(value.replace(NOTE_ALLOWED_CONTROLS, " "))),
    )
    .optional(),
});

export type UploadRequest = { declaredLength: number; fileName: string; metadata: UploadMetadata };

/**
 * Checks an upload request's headers: same origin (route handlers get no CSRF protection from Next,
 * unlike server actions), the declared length, and the metadata, sent as headers because the body is
 * the raw file: `X-File-Name`, `X-Document-Title` and `X-Document-Note` percent-encoded UTF-8,
 * `X-Document-Category` (a DocumentCategory), `X-Document-Date` (YYYY-MM-DD).
 * Throws FORBIDDEN for another origin, BAD_REQUEST otherwise (LENGTH_REQUIRED_MESSAGE_KEY without
 * Content-Length). The values are health data: errors name the field, never the value.
 */
export function parseUploadRequest(headers: Headers, { appUrl }: { appUrl: string }): UploadRequest {
  const origin = headers.get("origin");
  if (!origin || origin !== new URL(appUrl).origin) throw new AppError("FORBIDDEN", "Upload refused: cross-origin or no Origin header.");

  const length = headers.get("content-length");
  if (length === null) throw new AppError("BAD_REQUEST", "Upload refused: no Content-Length.", { messageKey: LENGTH_REQUIRED_MESSAGE_KEY });
  if (!/^\d{1,15}$/.test(length.trim())) throw new AppError("BAD_REQUEST", "Upload refused: malformed Content-Length.");

  const parsed = headerSchema.safeParse({
    fileName: headers.get("x-file-name") ?? undefined,
    title: headers.get("x-document-title") ?? undefined,
    category: headers.get("x-document-category") ?? undefined,
    documentDate: headers.get("x-document-date") ?? undefined,
    note: headers.get("x-document-note") || undefined,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    throw new AppError("BAD_REQUEST", `Upload refused: invalid ${field} header.`, { messageKey: "vault.upload.invalidMetadata", field });
  }
  const { fileName, title, category, documentDate, note } = parsed.data;
  return { declaredLength: Number(length.trim()), fileName, metadata: { title, category, documentDate, note: note || null } };
}
