/**
 * The worker thread that reads a PDF's text (started by extract-pdf-text.ts with
 * `new Worker(new URL("./pdf-text-worker.ts", import.meta.url))`: Next's bundler makes it an entry of
 * its own; under vitest and tsx it runs from source). Not imported by anything, and not marked
 * "server-only": it is a program of its own, whose only way in is `workerData`.
 *
 * Why a worker: pdf.js parses in long chains of promises, during which the event loop runs no timer
 * (measured: a 1 ms interval did not fire once in 4.6 s of extraction), so a timeout in the same thread
 * cannot interrupt a hostile or huge PDF. A worker can be terminated, and its heap is capped.
 *
 * pdf.js options: `isEvalSupported: false` keeps pdf.js from compiling code out of font data with
 * `new Function` (CVE-2024-4367 used exactly that); pdf.js never runs a document's own JavaScript
 * (it has no scripting sandbox outside the browser viewer) and XFA forms stay off. No font is fetched
 * (`disableFontFace`, `useSystemFonts: false`, no standardFontDataUrl): text extraction needs none.
 */
import { parentPort, workerData } from "node:worker_threads";
import { getDocumentProxy } from "unpdf";

export type PdfTextWorkerInput = { data: ArrayBuffer; maxPages: number; maxChars: number };

export type PdfTextWorkerReply =
  { pageCount: number; pagesRead: number; text: string } | { failure: "INVALID_PDF" | "ENCRYPTED" | "FAILED"; errorName: string };

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function readText({ data, maxPages, maxChars }: PdfTextWorkerInput): Promise<PdfTextWorkerReply> {
  let document: PdfDocument;
  try {
    document = await getDocumentProxy(new Uint8Array(data), {
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      isOffscreenCanvasSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (error) {
    const name = errorName(error);
    return { failure: name === "PasswordException" ? "ENCRYPTED" : "INVALID_PDF", errorName: name };
  }
  const pageCount = document.numPages;
  const pages: string[] = [];
  let length = 0;
  let pagesRead = 0;
  for (let number = 1; number <= Math.min(pageCount, maxPages) && length < maxChars; number++) {
    pagesRead = number;
    try {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      pages.push(text);
      length += text.length;
      page.cleanup();
    } catch {
      // One broken page does not hide the others' text.
    }
  }
  await document.destroy();
  return { pageCount, pagesRead, text: pages.join("\n\n") };
}

/** pdf.js's error class or Node's error code, for logs: never a message, which may quote the document. */
function errorName(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, name } = error as { code?: unknown; name?: unknown };
    return String(typeof code === "string" ? code : name);
  }
  return typeof error;
}

if (parentPort) {
  const port = parentPort;
  readText(workerData as PdfTextWorkerInput).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ failure: "FAILED", errorName: errorName(error) } satisfies PdfTextWorkerReply),
  );
}
