"use client";
import { useTranslations } from "next-intl";

/** Shown for an unexpected error in a page: no stack trace, only a reference support can look up. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("text")}</p>
      {error.digest && <p className="text-sm text-muted">{t("reference", { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
