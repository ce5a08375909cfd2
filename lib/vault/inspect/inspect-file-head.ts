import { fileTypeFromBuffer } from "file-type";
import { acceptedTypeForExtension, acceptedTypeForMimeType, extensionOf, type AcceptedType } from "@/lib/vault/accepted-types";
import type { FileTypeRefusalReason } from "@/lib/vault/file-refusal-reasons";
import { checkUtf8Text } from "./check-utf8-text";
import { containsActiveMarkup, containsPdfHeader, markupMimeType, startsWithMarkup } from "./markup-signatures";

/** How many leading bytes to pass: what file-type reads at most to recognise a format. */
export const FILE_HEAD_BYTES = 4100;

export type FileHeadVerdict =
  | { accepted: true; type: AcceptedType; mimeType: AcceptedType["mimeType"]; extension: string }
  /** `detectedMimeType` is for logs and support (never the file name): what the bytes look like. */
  | { accepted: false; reason: FileTypeRefusalReason; detectedMimeType: string | null };

/**
 * Decides from the first bytes of an upload and its declared name whether the vault takes it. Pure
 * and universal: the upload route decides with it, and the browser runs it on each chosen file before
 * sending, so a refused file costs no upload (the route never trusts that check). The
 * bytes decide the type; the extension must agree with them. A name without extension claims nothing,
 * so a PDF called "scan" is taken as a PDF; plain text, having no magic number, is taken only from a
 * `.txt` name.
 *
 * @param head the first bytes (up to FILE_HEAD_BYTES; more are ignored).
 * @param isWholeFile the head is the entire file: a character cut at its end is then an error.
 */
export async function inspectFileHead({
  head,
  fileName,
  isWholeFile = false,
}: {
  head: Uint8Array;
  fileName: string;
  isWholeFile?: boolean;
}): Promise<FileHeadVerdict> {
  if (head.byteLength === 0) return refuse("EMPTY");
  const complete = isWholeFile && head.byteLength <= FILE_HEAD_BYTES;
  head = head.subarray(0, FILE_HEAD_BYTES);

  const extension = extensionOf(fileName);
  const claimed = acceptedTypeForExtension(extension);
  const detectedMimeType = await detectMimeType(head);
  const detected = detectedMimeType ? acceptedTypeForMimeType(detectedMimeType) : undefined;

  if (claimed?.kind === "text" && !detected) return inspectText(head, complete, detectedMimeType);

  if (!detectedMimeType) {
    if (startsWithMarkup(head)) return refuse("UNSUPPORTED_TYPE", markupMimeType(head));
    return refuse(claimed ? "TYPE_MISMATCH" : "UNKNOWN_TYPE");
  }
  if (!detected) return refuse("UNSUPPORTED_TYPE", detectedMimeType);
  // An extension of another type, accepted (.png on a PDF) or not (.html on a PDF), is a lie about the bytes.
  if (extension !== null && claimed !== detected) return refuse("TYPE_MISMATCH", detectedMimeType);
  if (containsActiveMarkup(head) || (detected.kind !== "pdf" && containsPdfHeader(head))) {
    return refuse("TYPE_MISMATCH", detectedMimeType);
  }
  return { accepted: true, type: detected, mimeType: detected.mimeType, extension: detected.extensions[0] };
}

/**
 * A `.txt`. file-type's shortest signatures are printable ("BM" for BMP, "MZ" for EXE, "%!" for
 * PostScript), so a note starting "BMI : 23" looks like a bitmap to it: text that is clean UTF-8 is
 * text, whatever unsupported format such a signature suggests. Real binaries fail the UTF-8 check.
 */
function inspectText(head: Uint8Array, complete: boolean, detectedMimeType: string | null): FileHeadVerdict {
  if (checkUtf8Text(head, { complete }) !== null) {
    // A zip or an executable renamed .txt is refused for what it is.
    return detectedMimeType ? refuse("UNSUPPORTED_TYPE", detectedMimeType) : refuse("NOT_TEXT");
  }
  if (startsWithMarkup(head) || containsActiveMarkup(head)) return refuse("NOT_TEXT", markupMimeType(head));
  if (containsPdfHeader(head)) return refuse("NOT_TEXT", "application/pdf");
  const text = acceptedTypeForExtension("txt")!;
  return { accepted: true, type: text, mimeType: text.mimeType, extension: "txt" };
}

async function detectMimeType(head: Uint8Array): Promise<string | null> {
  try {
    const found = await fileTypeFromBuffer(head);
    if (found) return found.mime === "image/apng" ? "image/png" : found.mime;
  } catch {
    // A malformed head may make a detector throw: it is then of no known type.
  }
  // file-type follows a TIFF's first directory, which writers often put at the end of the file,
  // past the head: the header alone ("II*\0" or "MM\0*") says TIFF.
  const tiff =
    [0x49, 0x49, 0x2a, 0x00].every((byte, i) => head[i] === byte) || [0x4d, 0x4d, 0x00, 0x2a].every((byte, i) => head[i] === byte);
  return tiff ? "image/tiff" : null;
}

function refuse(reason: FileTypeRefusalReason, detectedMimeType: string | null = null): FileHeadVerdict {
  return { accepted: false, reason, detectedMimeType };
}
