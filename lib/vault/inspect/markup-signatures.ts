/**
 * Markup a browser could run if it ever sniffed the file as HTML or SVG (downloads are served with
 * nosniff and a sandbox CSP; this is the second line). None of these occurs in the XMP metadata that
 * cameras and scanners write into JPEG, PNG, TIFF and PDF heads.
 */
const ACTIVE_MARKUP = ["<svg", "<script", "<html", "<iframe", "<object", "<embed", "<body", "<!doctype html", "<?xml-stylesheet"];

/**
 * As latin1, one character per byte: ASCII signatures can be searched in any binary head. Without
 * Buffer, so the browser runs the same check before sending (TextDecoder's "latin1" is windows-1252).
 */
function asLatin1(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 4096) text += String.fromCharCode(...bytes.subarray(start, start + 4096));
  return text;
}

/** A markup document: after an optional UTF-8 byte-order mark and whitespace, a tag, `<!` or `<?`. */
export function startsWithMarkup(head: Uint8Array): boolean {
  return /^(?:\xEF\xBB\xBF)?[\t\n\f\r ]*<[!?a-z]/i.test(asLatin1(head.subarray(0, 1024)));
}

export function containsActiveMarkup(head: Uint8Array): boolean {
  const text = asLatin1(head).toLowerCase();
  return ACTIVE_MARKUP.some((tag) => text.includes(tag));
}

/** A best guess for logs, when markup has no magic number for file-type to find. */
export function markupMimeType(head: Uint8Array): string {
  return asLatin1(head).toLowerCase().includes("<svg") ? "image/svg+xml" : "text/html";
}

/**
 * PDF readers look for `%PDF-` anywhere in the first 1024 bytes, so an image carrying it there is
 * also a PDF: a polyglot, whatever its first bytes say.
 */
export function containsPdfHeader(head: Uint8Array): boolean {
  return asLatin1(head.subarray(0, 1024)).includes("%PDF-");
}
