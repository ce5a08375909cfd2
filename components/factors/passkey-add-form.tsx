"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/server/action/action-result";
import { addAdditionalPasskey, startAdditionalPasskey } from "@/lib/server/auth/passkeys/passkey-actions";
import { PasskeyOutcomeMessage, usePasskeyCeremony } from "./passkey-ceremony";

/**
 * Registers one more passkey from the Sécurité page, then refreshes the list above it. The server's
 * refusals (a sign-in too old, say) show as the page's other forms show them, with the way forward.
 */
export function PasskeyAddForm() {
  const t = useTranslations("passkeys.section");
  const tForm = useTranslations("passkeys.form");
  const router = useRouter();
  const { busy, outcome, run } = usePasskeyCeremony();
  const [refused, setRefused] = useState<ActionResult<unknown> | null>(null);
  const [label, setLabel] = useState("");
  const messageId = useId();
  const labelFieldId = useId();

  const add = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefused(null);
    return run(async () => {
      const options = await startAdditionalPasskey(null, {});
      if (!options.ok) {
        setRefused(options);
        return null;
      }
      const response = await startRegistration({ optionsJSON: options.data });
      const trimmed = label.trim();
      const added = await addAdditionalPasskey(null, { response: JSON.stringify(response), ...(trimmed ? { label: trimmed } : {}) });
      if (!added.ok) {
        setRefused(added);
        return null;
      }
      setLabel("");
      router.refresh();
      return { tone: "success", text: t("added") };
    });
  };

  return (
    <form onSubmit={add} className="space-y-3">
      <TextField
        id={labelFieldId}
        name="label"
        label={tForm("label")}
        hint={tForm("labelHint")}
        error={refused && !refused.ok ? refused.fieldErrors?.label : undefined}
        maxLength={100}
        autoComplete="off"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        disabled={busy}
        className="max-w-sm"
      />
      <Button type="submit" disabled={busy} aria-describedby={outcome ? messageId : undefined} data-testid="passkey-add">
        {busy ? t("working") : t("add")}
      </Button>
      <ActionAlert state={refused} returnTo="/securite" />
      <PasskeyOutcomeMessage id={messageId} outcome={outcome} />
    </form>
  );
}
