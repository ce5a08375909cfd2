"use client";
import { useRequestId } from "@/lib/http/use-request-id";
import { useErrorTexts } from "@/lib/i18n/error-texts";

/**
 * Shown for an unexpected error in a page: no stack trace, only a reference support can look up — the
 * request id that every log line of the request carries (when the browser exposes it), then Next.js's
 * digest, which the `request_error` log line pairs with the request id.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  const requestId = useRequestId();
  const reference = [requestId, error.digest].filter(Boolean).join(" · ");
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.text}</p>
      {reference && <p className="text-sm text-muted">{t.reference.replace("{digest}", reference)}</p>}
      <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 text-white">
        {t.retry}
      </button>
    </div>
  );
}
