"use client";
import { useRequestId } from "@/lib/http/use-request-id";
import en from "@/lib/i18n/messages/en/common.json";
import fr from "@/lib/i18n/messages/fr/common.json";

/**
 * Replaces the root layout when the layout itself failed, so no translation context exists here:
 * the message is shown in both languages, French first. The reference is the request id (when the
 * browser exposes it) and the digest, as on the ordinary error page.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const requestId = useRequestId();
  const reference = [requestId, error.digest].filter(Boolean).join(" · ");
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>{fr.error.title}</h1>
          <p>{fr.error.text}</p>
          <div lang="en">
            <h2>{en.error.title}</h2>
            <p>{en.error.text}</p>
          </div>
          {reference && <p>{fr.error.reference.replace("{digest}", reference)}</p>}
        </main>
      </body>
    </html>
  );
}
