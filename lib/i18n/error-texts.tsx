"use client";
import { createContext, use } from "react";

/** The error page's texts, translated on the server; `reference` keeps a `{digest}` slot to fill in. */
export type ErrorTexts = { title: string; text: string; retry: string; reference: string };

const ErrorTextsContext = createContext<ErrorTexts | null>(null);

/**
 * The error page (app/error.tsx) is a client component under the root layout on every page. Giving it
 * next-intl's client provider would send the translation runtime to pages that otherwise need none
 * (the landing page, the catalogue): its four texts travel as plain strings instead.
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: React.ReactNode }) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = use(ErrorTextsContext);
  if (!texts) throw new Error("useErrorTexts needs an ErrorTextsProvider above it (app/layout.tsx).");
  return texts;
}
