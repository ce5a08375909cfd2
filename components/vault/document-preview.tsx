"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { documentFileUrl } from "@/lib/queries/documents/document-keys";
import type { DocumentDetail } from "@/lib/vault/document-api";
import { TextPreview } from "./text-preview";

// pdf.js touches browser-only globals when it loads: never on the server, and only for PDFs.
const PdfPreview = dynamic(() => import("./pdf-preview").then((module) => module.PdfPreview), { ssr: false });

/** The document shown in the page, by type; anything else (TIFF) is offered as a download only. */
export function DocumentPreview({ document }: { document: Pick<DocumentDetail, "id" | "mimeType" | "title"> }) {
  const t = useTranslations("documents.detail");
  const [failed, setFailed] = useState(false);
  const url = documentFileUrl(document.id);
  const type = document.mimeType?.split(";")[0].trim();

  let preview: React.ReactNode;
  if (failed) preview = <p>{t("previewFailed")}</p>;
  else if (type === "application/pdf") preview = <PdfPreview url={url} title={document.title} onFailure={() => setFailed(true)} />;
  else if (type === "image/png" || type === "image/jpeg")
    preview = (
      // eslint-disable-next-line @next/next/no-img-element -- a private, per-user file: next/image's optimiser must not cache it
      <img
        src={url}
        alt={t("imageAlt", { title: document.title })}
        onError={() => setFailed(true)}
        className="h-auto max-w-full border border-gray-300"
      />
    );
  else if (type === "text/plain") preview = <TextPreview url={url} onFailure={() => setFailed(true)} />;
  else preview = <p>{t("previewUnavailable")}</p>;

  return (
    <section aria-labelledby="preview-title" className="space-y-3">
      <h2 id="preview-title" className="text-2xl font-semibold">
        {t("preview")}
      </h2>
      {preview}
    </section>
  );
}
