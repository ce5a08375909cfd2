"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";

/** Enough to recognise a document; the download has the rest. */
const MAX_PAGES = 20;

/**
 * A PDF drawn page by page on canvases with pdf.js, in the app's own page: the file itself is served
 * with `Content-Security-Policy: sandbox`, which Chromium's viewer refuses, and an embedded viewer
 * would run the PDF's scripts. pdf.js never evaluates code from the document (isEvalSupported: false)
 * and runs its parser in a same-origin module worker (CSP worker-src 'self') that the bundler emits
 * from the installed pdfjs-dist, so worker and library always have the same version.
 */
export function PdfPreview({ url, title, onFailure }: { url: string; title: string; onFailure: () => void }) {
  const t = useTranslations("documents.detail");
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const failed = useRef(onFailure);
  useEffect(() => {
    failed.current = onFailure;
  });

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | undefined;
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).toString();
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(`file: HTTP ${response.status}`);
      const data = new Uint8Array(await response.arrayBuffer());
      loaded = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise;
      if (cancelled) return loaded.destroy();
      setPdf(loaded);
    })().catch(() => {
      if (!cancelled) failed.current();
    });
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [url]);

  if (!pdf) return <p>{t("previewLoading")}</p>;
  const pages = Math.min(pdf.numPages, MAX_PAGES);
  return (
    <div className="space-y-4" data-testid="pdf-preview">
      {Array.from({ length: pages }, (_, index) => (
        <PdfPage
          key={index}
          pdf={pdf}
          pageNumber={index + 1}
          label={t("pdfPage", { page: index + 1, pages: pdf.numPages, title })}
          onFailure={onFailure}
        />
      ))}
    </div>
  );
}

function PdfPage({
  pdf,
  pageNumber,
  label,
  onFailure,
}: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  label: string;
  onFailure: () => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState(false);
  const failed = useRef(onFailure);
  useEffect(() => {
    failed.current = onFailure;
  });

  useEffect(() => {
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    (async () => {
      const page = await pdf.getPage(pageNumber);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const scale = Math.min(window.devicePixelRatio || 1, 2) * 1.5;
      const viewport = page.getViewport({ scale });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const task = page.render({ canvas, viewport });
      cancelRender = () => task.cancel();
      await task.promise;
      if (!cancelled) setRendered(true);
    })().catch((error: unknown) => {
      if (!cancelled && !(error instanceof Error && error.name === "RenderingCancelledException")) failed.current();
    });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, pageNumber]);

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={label}
      data-rendered={rendered ? "true" : undefined}
      className="h-auto w-full max-w-3xl border border-gray-300 bg-white shadow-sm"
    />
  );
}
