"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { regenerateRecoveryCodesAction } from "@/app/(space)/securite/codes-de-secours/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ActionAlert } from "@/components/ui/action-alert";

/**
 * Makes ten new recovery codes and shows them this once, with ways to keep them: copy, or a text file.
 * Nothing stores them in the browser; leaving the page loses them (new ones can always be made).
 */
export function RecoveryCodesGenerator({ hasCodes, returnTo }: { hasCodes: boolean; returnTo: string }) {
  const t = useTranslations("security.recoveryCodes");
  const [state, action, pending] = useActionState(regenerateRecoveryCodesAction, null);
  const [copied, setCopied] = useState<boolean | null>(null);

  if (!state?.ok) {
    return (
      <form action={action} className="space-y-3">
        {hasCodes && <p>{t("replaceWarning")}</p>}
        <ActionAlert state={state} returnTo={returnTo} />
        <Button type="submit" disabled={pending}>
          {hasCodes ? t("regenerate") : t("generate")}
        </Button>
      </form>
    );
  }

  const codes = state.data.codes;
  const text = `${t("fileHeading")}\n\n${codes.join("\n")}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="space-y-4">
      <FormAlert kind="info">
        <p className="font-semibold">{t("shownOnce")}</p>
        <p className="mt-1">{t("keepThem")}</p>
      </FormAlert>
      <ol
        aria-label={t("listLabel")}
        data-testid="recovery-codes"
        className="grid list-decimal gap-x-10 gap-y-2 rounded-lg border border-gray-300 p-4 pl-10 font-mono text-lg sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={copy}>
          {t("copy")}
        </Button>
        <a
          href={download}
          download="codes-de-secours-espace-sante.txt"
          className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-brand-light"
        >
          {t("download")}
        </a>
      </div>
      <p role="status" className="text-sm">
        {copied === true && t("copied")}
        {copied === false && t("copyFailed")}
      </p>
    </div>
  );
}
