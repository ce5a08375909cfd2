"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/access/button-class";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/vault/live-announcer";
import type { ActionResult } from "@/lib/server/action/action-result";

type Report = { patients: number; entries: number; broken: { patientId: string; sequence: number; problem: string }[] };
type Result = ActionResult<Report>;

/** The history chain check: one button, then the counts and the broken chains by id and sequence. */
export function ChainCheck({ action }: { action: (previous: Result | null, form: FormData) => Promise<Result> }) {
  const t = useTranslations("staff.journal.chains");
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState<Result | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) announce(`${t("summary", { patients: result.data.patients, entries: result.data.entries })} ${result.data.broken.length === 0 ? t("intact") : t("broken", { count: result.data.broken.length })}`);
    return result;
  }, null);

  return (
    <div className="space-y-4">
      <form action={dispatch}>
        <button type="submit" className={buttonClass("secondary")} disabled={pending}>
          {pending ? t("running") : t("button")}
        </button>
      </form>
      {state && !state.ok && <FormAlert>{state.message}</FormAlert>}
      {state?.ok && (
        <div className="space-y-2" data-testid="chain-check-result">
          <p>{t("summary", { patients: state.data.patients, entries: state.data.entries })}</p>
          <p className="font-semibold">{state.data.broken.length === 0 ? t("intact") : t("broken", { count: state.data.broken.length })}</p>
          {state.data.broken.length > 0 && (
            <table className="border-collapse text-left text-sm">
              <caption className="mb-1 text-left font-medium">{t("caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-4">{t("patient")}</th>
                  <th scope="col" className="py-1 pr-4">{t("sequence")}</th>
                  <th scope="col" className="py-1">{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.broken.map((chain) => (
                  <tr key={chain.patientId} className="border-b border-slate-200">
                    <td className="py-1 pr-4 font-mono">{chain.patientId}</td>
                    <td className="py-1 pr-4 tabular-nums">{chain.sequence}</td>
                    <td className="py-1">{t(`problems.${chain.problem as "HASH"}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
