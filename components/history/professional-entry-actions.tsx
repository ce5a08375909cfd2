"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { blockFromHistoryAction, revokeFromHistoryAction } from "@/app/(space)/historique/actions";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import { historyKeys } from "@/lib/queries/history/use-history-list";
import { refreshAfterChange } from "@/lib/queries/refresh-after-change";

/**
 * "Retirer l'accès" and "Bloquer ce professionnel" from one of their entries: each is one call to the
 * consent services; blocking, which also refuses their requests and ends a médecin traitant role,
 * asks once more in place. The outcome (or the server's reason, e.g. no access in force) is shown
 * next to the buttons and announced.
 */
export function ProfessionalEntryActions({ professionalId, actorLabel }: { professionalId: string; actorLabel: string }) {
  const t = useTranslations("history.entry");
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [confirmingBlock, setConfirmingBlock] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  function run(action: typeof revokeFromHistoryAction, success: string) {
    startTransition(async () => {
      const result = await action(null, { professionalId });
      const next = result.ok ? { ok: true, message: success } : { ok: false, message: result.message };
      setOutcome(next);
      setConfirmingBlock(false);
      announce(next.message);
      if (result.ok) await refreshAfterChange(queryClient, historyKeys.all);
    });
  }

  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          className="text-sm"
          disabled={pending}
          onClick={() => run(revokeFromHistoryAction, t("revoked", { actor: actorLabel }))}
        >
          {t("revoke")}
        </Button>
        {!confirmingBlock ? (
          <Button type="button" variant="secondary" className="text-sm" disabled={pending} onClick={() => setConfirmingBlock(true)}>
            {t("block")}
          </Button>
        ) : (
          <span role="group" aria-label={t("block")} className="flex flex-wrap items-center gap-2">
            <span className="text-sm">{t("confirmBlock", { actor: actorLabel })}</span>
            <Button
              type="button"
              className="text-sm"
              disabled={pending}
              onClick={() => run(blockFromHistoryAction, t("blocked", { actor: actorLabel }))}
            >
              {t("confirmBlockButton")}
            </Button>
            <Button type="button" variant="link" className="text-sm" onClick={() => setConfirmingBlock(false)}>
              {t("cancel")}
            </Button>
          </span>
        )}
      </div>
      {outcome && <p className={`text-sm ${outcome.ok ? "text-green-800" : "text-red-800"}`}>{outcome.message}</p>}
    </div>
  );
}
