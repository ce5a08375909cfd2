import "server-only";
import { Worker } from "node:worker_threads";
import type { PdfTextWorkerReply } from "./pdf-text-worker";

export const PDF_TEXT_LIMITS = {
  /** Pages read; the rest of a long document is not searched. */
  maxPages: 50,
  /** Characters kept (PostgreSQL full-text search and the suggestion need no more). */
  maxChars: 200_000,
  /** Wall time for one document, the worker's start (~0.4 s) included. */
  timeoutMs: 15_000,
  /** Heap of the worker: a PDF that needs more is given up, not allowed to grow the server. */
  memoryMb: 256,
};

/** Two extractions at a time at most: each is a thread with its own copy of pdf.js. */
const MAX_CONCURRENT = 2;

export type PdfTextFailure = "INVALID_PDF" | "ENCRYPTED" | "TIMEOUT" | "TOO_COMPLEX" | "FAILED";

export type PdfText =
  | { text: string; pageCount: number; pagesRead: number; truncated: boolean; failure: null }
  /** `errorName` is pdf.js's error class or Node's error code, for logs; it never holds document text. */
  | { text: null; failure: PdfTextFailure; errorName: string | null };

type WorkerReply = PdfTextWorkerReply | { failure: PdfTextFailure; errorName: string };

/**
 * Under vitest or tsx this module runs from its .ts source, and so does the worker: Node needs tsx to
 * load it (and its imports). In the build, Next has bundled the worker into JavaScript of its own.
 */
const workerExecArgv = import.meta.url.endsWith(".ts") ? [...process.execArgv, "--import", "tsx"] : undefined;

/**
 * The text of a PDF, read in a worker thread that is terminated at the time limit. Never throws: a
 * broken, encrypted, too slow or too large PDF gives `text: null` and the reason. A PDF without text
 * (a scan) gives an empty string. The caller's buffer is copied, never detached.
 */
export async function extractPdfText(pdf: Uint8Array, limits: Partial<typeof PDF_TEXT_LIMITS> = {}): Promise<PdfText> {
  const { maxPages, maxChars, timeoutMs, memoryMb } = { ...PDF_TEXT_LIMITS, ...limits };
  const release = await acquireSlot();
  try {
    const reply = await runWorker(pdf, { maxPages, maxChars, timeoutMs, memoryMb });
    if ("failure" in reply) return { text: null, failure: reply.failure, errorName: reply.errorName };
    const normalized = normalizeText(reply.text);
    const text = cutAt(normalized, maxChars);
    return {
      text,
      pageCount: reply.pageCount,
      pagesRead: reply.pagesRead,
      truncated: reply.pagesRead < reply.pageCount || text.length < normalized.length,
      failure: null,
    };
  } finally {
    release();
  }
}

function runWorker(
  pdf: Uint8Array,
  { maxPages, maxChars, timeoutMs, memoryMb }: { maxPages: number; maxChars: number; timeoutMs: number; memoryMb: number },
): Promise<WorkerReply> {
  // A copy of our own to hand over: pdf.js detaches the buffer it is given.
  const data = new Uint8Array(pdf).buffer;
  return new Promise((resolve) => {
    let worker: Worker | undefined;
    let settled = false;
    const settle = (reply: WorkerReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      resolve(reply);
    };
    const timer = setTimeout(() => settle({ failure: "TIMEOUT", errorName: "TIMEOUT" }), timeoutMs);
    try {
      worker = new Worker(new URL("./pdf-text-worker.ts", import.meta.url), {
        execArgv: workerExecArgv,
        workerData: { data, maxPages, maxChars },
        transferList: [data],
        resourceLimits: { maxOldGenerationSizeMb: memoryMb },
        // pdf.js may print warnings naming fonts or objects of the document: they stay out of the logs.
        stdout: true,
        stderr: true,
      });
    } catch (error) {
      settle({ failure: "FAILED", errorName: (error as { code?: string }).code ?? "WORKER_START" });
      return;
    }
    worker.stdout.resume();
    worker.stderr.resume();
    worker.once("message", (reply: WorkerReply) => settle(reply));
    worker.once("error", (error: Error & { code?: string }) =>
      settle({ failure: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "TOO_COMPLEX" : "FAILED", errorName: error.code ?? error.name }),
    );
    worker.once("exit", (code) => settle({ failure: "FAILED", errorName: `EXIT_${code}` }));
  });
}

/** No control character but line breaks (PostgreSQL refuses NUL in text), runs of spaces collapsed. */
function normalizeText(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\p{Cc}\u2028\u2029]/gu, (char) => (char === "\n" ? char : " "))
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Cuts at `maxChars` UTF-16 units without leaving half of a surrogate pair. */
function cutAt(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

let running = 0;
const waiting: Array<() => void> = [];

async function acquireSlot(): Promise<() => void> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  // A slot handed over by release() keeps `running` unchanged.
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}
