"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action/action-result";
import { SecondFactorCodeForm } from "./second-factor-code-form";

type Enrolment = { factorId: string; secretBase32: string; otpauthUri: string; qrSvg: string };
type StartAction = (previous: ActionResult<Enrolment> | null, form: FormData) => Promise<ActionResult<Enrolment>>;

/** Secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * First authenticator app of a new account: show the QR code and the secret as text, then a code
 * from the app confirms it and completes the sign-in in one step.
 */
export function TotpEnrolment({ start, next }: { start: StartAction; next: string }) {
  const t = useTranslations("auth.enrolment");
  const [state, action, pending] = useActionState(start, null);
  if (!state?.ok) {
    return (
      <form action={action} className="space-y-3">
        <ActionAlert state={state} fieldErrors="message" />
        <Button type="submit" disabled={pending}>
          {t("totpStart")}
        </Button>
      </form>
    );
  }
  const { factorId, secretBase32, qrSvg } = state.data;
  return (
    <div className="space-y-4">
      {/* The SVG is generated on our server from our own otpauth URI; it holds no script. */}
      <div
        role="img"
        aria-label={t("qrAlt")}
        className="h-48 w-48 border border-gray-300 bg-white [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p>
        {t("secretLabel")}{" "}
        <code data-testid="totp-secret" className="rounded bg-surface px-2 py-1 font-mono text-lg break-all">
          {grouped(secretBase32)}
        </code>
      </p>
      <SecondFactorCodeForm method="totp-enrolment" factorId={factorId} label={t("codeLabel")} next={next} submitLabel={t("confirm")} />
    </div>
  );
}
