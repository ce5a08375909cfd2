/**
 * The kinds of file the vault keeps. The first extension is the canonical one (given to stored files
 * and downloads); `contentType` is what a download is served as. The per-file size limit is
 * configuration, not part of this table.
 *
 * `inlinePreview`: browsers show it in the page (TIFF only in Safari, so it is offered as a download).
 */
export const acceptedTypes = [
  { kind: "pdf", mimeType: "application/pdf", extensions: ["pdf"], contentType: "application/pdf", inlinePreview: true },
  { kind: "jpeg", mimeType: "image/jpeg", extensions: ["jpg", "jpeg"], contentType: "image/jpeg", inlinePreview: true },
  { kind: "png", mimeType: "image/png", extensions: ["png"], contentType: "image/png", inlinePreview: true },
  { kind: "tiff", mimeType: "image/tiff", extensions: ["tif", "tiff"], contentType: "image/tiff", inlinePreview: false },
  { kind: "text", mimeType: "text/plain", extensions: ["txt"], contentType: "text/plain; charset=utf-8", inlinePreview: true },
] as const;

export type AcceptedType = (typeof acceptedTypes)[number];
export type AcceptedKind = AcceptedType["kind"];
export type AcceptedMimeType = AcceptedType["mimeType"];

/** For `<input type="file" accept=…>`: a hint to the file picker only; the server decides. */
export const acceptAttribute = [
  ...acceptedTypes.flatMap((type) => type.extensions.map((extension) => `.${extension}`)),
  ...acceptedTypes.map((type) => type.mimeType),
].join(",");

/**
 * The extension of a file name, lower-case and without the dot, or null when there is none. Only the
 * last one counts ("scan.pdf.exe" is an exe); trailing dots and spaces, which Windows drops, are
 * ignored first so that "scan.exe." is still an exe.
 */
export function extensionOf(fileName: string): string | null {
  const base = fileName
    .split(/[/\\]/)
    .pop()!
    .replace(/[.\s]+$/u, "");
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot + 1).toLowerCase();
}

export function acceptedTypeForExtension(extension: string | null): AcceptedType | undefined {
  if (!extension) return undefined;
  const wanted = extension.toLowerCase();
  return acceptedTypes.find((type) => (type.extensions as readonly string[]).includes(wanted));
}

export function acceptedTypeForMimeType(mimeType: string): AcceptedType | undefined {
  const essence = mimeType.split(";")[0].trim().toLowerCase();
  return acceptedTypes.find((type) => type.mimeType === essence);
}

export function acceptedTypeForKind(kind: AcceptedKind): AcceptedType {
  return acceptedTypes.find((type) => type.kind === kind)!;
}
