"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { startPasskeySignInOptions } from "@/lib/server/auth/passkeys/passkey-actions";
import { PasskeyOutcomeMessage, usePasskeyCeremony, useSignInErrorText } from "./passkey-ceremony";

/** Second step of signing in with a passkey, for someone who has just given the right password. */
export function PasskeySignInButton({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("passkeys.signIn");
  const signInErrorText = useSignInErrorText();
  const { busy, outcome, run } = usePasskeyCeremony();
  const messageId = useId();

  const signInWithPasskey = () =>
    run(
      async () => {
        const options = await startPasskeySignInOptions(null, {});
        if (!options.ok) return { tone: "error", text: options.message };
        const response = await startAuthentication({ optionsJSON: options.data });
        const result = await signIn("second-factor", { method: "passkey", response: JSON.stringify(response), redirect: false });
        if (!result?.ok || result.error) return { tone: "error", text: signInErrorText(result?.error) };
        window.location.assign(safeRedirectPath(callbackUrl));
        return { tone: "success", text: t("done") };
      },
      { leavesOnSuccess: true },
    );

  return (
    <div>
      <p className="text-muted">{t("intro")}</p>
      <Button
        type="button"
        onClick={signInWithPasskey}
        disabled={busy}
        aria-describedby={outcome ? messageId : undefined}
        data-testid="passkey-sign-in"
        className="mt-3"
      >
        {busy ? t("working") : t("button")}
      </Button>
      <PasskeyOutcomeMessage id={messageId} outcome={outcome} />
    </div>
  );
}
