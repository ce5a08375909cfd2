import { Readable } from "node:stream";
import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { openAppBinary } from "@/lib/server/fhir/open-app-binary";
import { contentDisposition } from "@/lib/vault/content-disposition";
import { DOCUMENT_FILE_CSP } from "@/lib/vault/document-file-policy";

/**
 * `GET Binary/<id>`: the document's own bytes (not a Binary resource in JSON), served as the vault's
 * downloads are: the type the upload proved, never sniffed, as an attachment, sandboxed (the proxy
 * sets the same CSP for this path), never cached.
 */
export const GET = fhirRoute<{ id: string }>(async (ctx, { access, params: { id } }) => {
  const file = await openAppBinary(ctx, { access, documentId: id });
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.mimeType === "text/plain" ? "text/plain; charset=utf-8" : file.mimeType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(file.fileName, "attachment"),
      "Content-Security-Policy": DOCUMENT_FILE_CSP,
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
});
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
