"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** A plain-text document, fetched and shown as text (never as HTML). */
export function TextPreview({ url, onFailure }: { url: string; onFailure: () => void }) {
  const t = useTranslations("documents.detail");
  const text = useQuery({
    queryKey: ["documents", "text", url],
    queryFn: async ({ signal }) => {
      const response = await fetch(url, { signal, credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    },
    retry: false,
  });
  useEffect(() => {
    if (text.isError) onFailure();
  }, [text.isError, onFailure]);
  if (!text.isSuccess) return <p>{t("previewLoading")}</p>;
  return (
    <pre
      tabIndex={0}
      role="region"
      aria-label={t("textPreview")}
      className="max-h-[32rem] overflow-auto rounded border border-gray-300 bg-surface p-4 text-sm whitespace-pre-wrap break-words"
    >
      {text.data}
    </pre>
  );
}
