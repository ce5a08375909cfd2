"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmTotpEnrolmentAction, startTotpEnrolmentAction } from "@/app/(space)/securite/totp/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { ActionAlert } from "@/components/ui/action-alert";

const RETURN_TO = "/securite/totp";

/**
 * Adding an authenticator app to an account that already has a factor: a QR code, the same secret as
 * text for those who cannot scan, then one code from the app proves it holds the secret.
 */
export function TotpSetupForm() {
  const t = useTranslations("security.totpSetup");
  const [setup, start, starting] = useActionState(startTotpEnrolmentAction, null);
  const [confirmed, confirm, confirming] = useActionState(confirmTotpEnrolmentAction, null);

  if (confirmed?.ok) {
    return (
      <FormAlert kind="success">
        <p>{t("done")}</p>
        <p className="mt-2">
          <Link href="/securite" className="font-medium underline">
            {t("back")}
          </Link>
        </p>
      </FormAlert>
    );
  }

  if (!setup?.ok) {
    return (
      <form action={start} className="space-y-3">
        <ActionAlert state={setup} returnTo={RETURN_TO} />
        <Button type="submit" disabled={starting}>
          {t("start")}
        </Button>
      </form>
    );
  }

  const { factorId, secretGroups, otpauthUri, qrDataUri } = setup.data;
  return (
    <div className="space-y-6">
      <ol className="list-decimal space-y-6 pl-6">
        <li className="space-y-3">
          <p>{t("scan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI made on our server; next/image adds nothing here. */}
          <img src={qrDataUri} alt={t("qrAlt")} width={192} height={192} className="border border-gray-300 bg-white" />
          <p>{t("orType")}</p>
          <p>
            <code data-testid="totp-secret" className="rounded bg-surface px-2 py-1 font-mono text-lg break-all">
              {secretGroups.join(" ")}
            </code>
          </p>
          <p className="text-sm">
            <a href={otpauthUri} className="text-brand underline">
              {t("openInApp")}
            </a>
          </p>
        </li>
        <li>
          <form action={confirm} onSubmit={keepInputsOnSubmit(confirm)} className="space-y-4">
            <input type="hidden" name="factorId" value={factorId} />
            <ActionAlert state={confirmed} returnTo={RETURN_TO} />
            <TextField
              name="code"
              label={t("code")}
              hint={t("codeHint")}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={20}
              error={confirmed && !confirmed.ok ? confirmed.fieldErrors?.code : undefined}
            />
            <TextField
              name="label"
              label={t("label")}
              hint={t("labelHint")}
              maxLength={100}
              autoComplete="off"
              error={confirmed && !confirmed.ok ? confirmed.fieldErrors?.label : undefined}
            />
            <Button type="submit" disabled={confirming}>
              {t("confirm")}
            </Button>
          </form>
        </li>
      </ol>
    </div>
  );
}
