import { Readable } from "node:stream";
import { openDocumentFile } from "@/lib/server/documents/open-document-file";
import { jsonRoute } from "@/lib/server/http/json-route";
import { contentDisposition } from "@/lib/vault/content-disposition";
import { DOCUMENT_FILE_CSP } from "@/lib/vault/document-file-policy";

/**
 * The exact bytes uploaded, decrypted as they stream: inline for the page's preview, as an attachment
 * with `?download=1`. The type is the one the upload's bytes proved, never sniffed (nosniff); the
 * response is sandboxed (CSP, also set by the proxy for this path) so that a hostile file opened on
 * its own cannot run script in the app's origin; it is never cached. If the stored bytes fail their
 * integrity check at the end, the body errors and the client sees an incomplete transfer.
 */
export const GET = jsonRoute<{ id: string }>(async (ctx, { request, params: { id } }) => {
  const download = new URL(request.url).searchParams.get("download") === "1";
  const file = await openDocumentFile(ctx, { documentId: id, purpose: download ? "download" : "view" });
  const contentType = file.mimeType === "text/plain" ? "text/plain; charset=utf-8" : file.mimeType;
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(file.fileName, download ? "attachment" : "inline"),
      "Content-Security-Policy": DOCUMENT_FILE_CSP,
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "no-store, private",
      // RFC 9530: lets a client check the whole file arrived intact.
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
});
