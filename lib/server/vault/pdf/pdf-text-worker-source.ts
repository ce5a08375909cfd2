import "server-only";

/**
 * The code of the worker thread that reads a PDF's text (run with `new Worker(source, { eval: true })`).
 *
 * Why a worker: pdf.js parses in long chains of promises, during which the event loop runs no timer
 * (measured: a 1 ms interval did not fire once in 4.6 s of extraction), so a timeout in the same thread
 * cannot interrupt a hostile or huge PDF. A worker can be terminated, and its heap is capped.
 *
 * Why a string: a bundler rewrites `import()` in code it sees; here `unpdf` must be loaded by Node
 * itself, resolved from the application's directory (process.cwd(), where node_modules lives).
 *
 * pdf.js options: `isEvalSupported: false` keeps pdf.js from compiling code out of font data with
 * `new Function` (CVE-2024-4367 used exactly that); pdf.js never runs a document's own JavaScript
 * (it has no scripting sandbox outside the browser viewer) and XFA forms stay off. No font is fetched
 * (`disableFontFace`, `useSystemFonts: false`, no standardFontDataUrl): text extraction needs none.
 *
 * In: workerData { data: ArrayBuffer, maxPages, maxChars }.
 * Out: one message, { pageCount, pagesRead, text } or { failure, errorName }.
 */
export const pdfTextWorkerSource = String.raw`
const { parentPort, workerData } = require("node:worker_threads");

async function run() {
  const { getDocumentProxy } = await import("unpdf");
  const { data, maxPages, maxChars } = workerData;
  let document;
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
    const name = error && error.name;
    return { failure: name === "PasswordException" ? "ENCRYPTED" : "INVALID_PDF", errorName: String(name) };
  }
  const pageCount = document.numPages;
  const pages = [];
  let length = 0;
  let pagesRead = 0;
  for (let number = 1; number <= Math.min(pageCount, maxPages) && length < maxChars; number++) {
    pagesRead = number;
    try {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => (typeof item.str === "string" ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
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

run().then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage({ failure: "FAILED", errorName: String(error && (error.code || error.name)) }),
);
`;
