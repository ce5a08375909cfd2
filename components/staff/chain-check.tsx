"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import type { ActionResult } from "@/lib/server/action/action-result";
import type { ChainCheckView } from "@/lib/server/admin/history-chain-check";

type Result = ActionResult<{ id: string }>;

/** While a check runs, the page is read again this often to show its progress. */
const REFRESH_MS = 2_000;

/**
 * The history chain check: one button that queues it, then its progress while it runs in the
 * background, then the counts and the broken chains by id and sequence. The end is announced.
 */
export function ChainCheck({
  latest,
  action,
}: {
  latest: ChainCheckView | null;
  action: (previous: Result | null, form: FormData) => Promise<Result>;
}) {
  const t = useTranslations("staff.journal.chains");
  const format = useFormatter();
  const router = useRouter();
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState<Result | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) router.refresh();
    return result;
  }, null);
  const running = latest?.running ?? false;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  // Announce the end of a check this page saw running, not a result that was already there.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && latest && !latest.running)
      announce(
        `${t("summary", { patients: latest.patients, entries: latest.entries })} ${latest.brokenCount === 0 ? t("intact") : t("broken", { count: latest.brokenCount })}`,
      );
    wasRunning.current = running;
  }, [announce, latest, running, t]);

  return (
    <div className="space-y-4">
      <form action={dispatch}>
        <Button type="submit" variant="secondary" disabled={pending || running}>
          {pending || running ? t("running") : t("button")}
        </Button>
      </form>
      <ActionAlert state={state} fieldErrors="message" />
      {latest?.running && <p data-testid="chain-check-progress">{t("progress", { patients: latest.patients })}</p>}
      {latest && !latest.running && (
        <div className="space-y-2" data-testid="chain-check-result">
          <p className="text-sm text-muted">
            {t("finishedAt", {
              when: format.dateTime(latest.finishedAt!, { dateStyle: "long", timeStyle: "medium", timeZone: PARIS_TIME_ZONE }),
            })}
          </p>
          <p>{t("summary", { patients: latest.patients, entries: latest.entries })}</p>
          <p className="font-semibold">{latest.brokenCount === 0 ? t("intact") : t("broken", { count: latest.brokenCount })}</p>
          {latest.broken.length > 0 && (
            <table className="border-collapse text-left text-sm">
              <caption className="mb-1 text-left font-medium">
                {t("caption", { listed: latest.broken.length, count: latest.brokenCount })}
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-4">
                    {t("patient")}
                  </th>
                  <th scope="col" className="py-1 pr-4">
                    {t("sequence")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("problem")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {latest.broken.map((chain) => (
                  <tr key={chain.checkpoint ?? chain.patientId} className="border-b border-slate-200">
                    <td className="py-1 pr-4 font-mono">
                      {chain.checkpoint ? t("checkpoint", { period: chain.checkpoint }) : chain.patientId}
                    </td>
                    <td className="py-1 pr-4 tabular-nums">{chain.sequence ?? "—"}</td>
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
