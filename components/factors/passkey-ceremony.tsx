"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-error";
import { passkeyProblemOf } from "./passkey-browser-error";

export type PasskeyOutcome = { tone: "error" | "calm" | "success"; text: string } | null;

/**
 * The state every passkey button shares: one ceremony at a time, and its outcome in words. Whatever
 * the browser's prompt throws becomes a translated message; a cancelled prompt is not an error.
 */
export function usePasskeyCeremony() {
  const t = useTranslations("passkeys");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PasskeyOutcome>(null);

  /** `leavesOnSuccess`: the page is navigating away, so the button stays disabled rather than invite a second try. */
  async function run(ceremony: () => Promise<PasskeyOutcome>, { leavesOnSuccess = false } = {}) {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    let result: PasskeyOutcome = null;
    try {
      result = await ceremony();
    } catch (error) {
      const problem = passkeyProblemOf(error);
      result = { tone: problem === "cancelled" ? "calm" : "error", text: t(`errors.${problem}`) };
    }
    setOutcome(result);
    if (!(leavesOnSuccess && result?.tone === "success")) setBusy(false);
  }

  return { busy, outcome, run };
}

/** The sign-in step's error in words; INVALID_CODE speaks of a code, which would puzzle someone who just used a passkey. */
export function useSignInErrorText() {
  const t = useTranslations("auth");
  const tPasskeys = useTranslations("passkeys.errors");
  return (code: string | null | undefined) => (code === "INVALID_CODE" ? tPasskeys("notRecognised") : signInErrorMessage(t, code));
}

/**
 * Two live regions that exist before anything is said (styled as FormAlert), so screen readers
 * announce what appears in them: errors assertively, a cancelled prompt or a success politely.
 */
export function PasskeyOutcomeMessage({ id, outcome }: { id: string; outcome: PasskeyOutcome }) {
  const error = outcome?.tone === "error" ? outcome.text : "";
  const polite = outcome && outcome.tone !== "error" ? outcome.text : "";
  return (
    <div id={id}>
      <p role="alert" className={error ? "mt-3 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" : "sr-only"}>
        {error}
      </p>
      <p
        role="status"
        className={
          polite
            ? `mt-3 rounded border-l-4 px-4 py-3 ${outcome?.tone === "success" ? "border-green-700 bg-green-50 text-green-900" : "border-brand bg-brand-light text-ink"}`
            : "sr-only"
        }
      >
        {polite}
      </p>
    </div>
  );
}
