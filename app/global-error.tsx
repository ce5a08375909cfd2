"use client";
import en from "@/lib/i18n/messages/en/common.json";
import fr from "@/lib/i18n/messages/fr/common.json";

/**
 * Replaces the root layout when the layout itself failed, so no translation context exists here:
 * the message is shown in both languages, French first.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
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
          {error.digest && <p>{fr.error.reference.replace("{digest}", error.digest)}</p>}
        </main>
      </body>
    </html>
  );
}
