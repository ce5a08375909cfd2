import "server-only";
import { contentDisposition } from "@/lib/vault/content-disposition";

/**
 * A CSV download: an attachment named `<prefix>-<YYYY-MM-DD>.csv` (the prefix already translated),
 * never cached, never sniffed into something a browser would render.
 */
export function csvResponse(body: ReadableStream<Uint8Array>, fileNamePrefix: string, now: Date): Response {
  const fileName = `${fileNamePrefix}-${now.toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName, "attachment"),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
