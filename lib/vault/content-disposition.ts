import { cleanDisplayName } from "./display-name";

/**
 * A `Content-Disposition` header value (RFC 6266): a plain ASCII `filename` for old agents and a
 * `filename*` (RFC 8187, UTF-8, percent-encoded) that every current browser prefers. The name is
 * cleaned first, so no CR/LF, quote or bidi override reaches the header.
 */
export function contentDisposition(fileName: string, disposition: "inline" | "attachment"): string {
  const name = cleanDisplayName(fileName);
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${percentEncode(name)}`;
}

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "OE", æ: "ae", Æ: "AE", ß: "ss" };

function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[œŒæÆß]/g, (letter) => LIGATURES[letter])
    .replace(/[^\x20-\x7E]/g, "_")
    // Quotes and backslashes would end or escape the quoted string; some agents percent-decode it.
    .replace(/["\\]/g, "")
    .replace(/%/g, "_")
    .replace(/ +/g, " ")
    .replace(/^[ .]+/, "")
    .trimEnd();
  return ascii || "document";
}

/** RFC 8187 attr-char: encodeURIComponent also leaves ' ( ) * alone, which the grammar forbids. */
function percentEncode(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
