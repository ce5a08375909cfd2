import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { JobsRetryButton } from "@/components/admin/jobs-retry-button";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { getDb } from "@/lib/server/db";
import { loadJobOverview } from "@/lib/server/jobs/load-job-overview";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { retryJobAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.jobs"))("title") };
}

const STATES = ["waiting", "scheduled", "running", "retrying", "failed"] as const;

/**
 * /admin/jobs: the background jobs (lib/server/jobs) by task and state, and the latest failures with
 * their attempts, error class and next try, each with "retry now". Ids and task names only: payloads
 * are never read here.
 */
export default async function AdminJobsPage() {
  const staff = await requireStaffForPage("/admin/jobs", "admin:dashboard");
  const [t, format, overview] = await Promise.all([getTranslations("admin.jobs"), getFormatter(), loadJobOverview(getDb(), { staff })]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium", timeZone: PARIS_TIME_ZONE });
  const cell = "py-2 pr-4 align-top";

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>

      <section aria-labelledby="jobs-tasks" className="space-y-3">
        <h2 id="jobs-tasks" className="text-xl font-semibold">
          {t("tasks.heading")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="jobs-tasks">
            <caption className="mb-2 text-left text-muted">{t("tasks.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={cell}>
                  {t("tasks.task")}
                </th>
                <th scope="col" className={cell}>
                  {t("tasks.schedule")}
                </th>
                <th scope="col" className={cell}>
                  {t("tasks.lastScheduled")}
                </th>
                {STATES.map((state) => (
                  <th key={state} scope="col" className={`${cell} text-right`}>
                    {t(`states.${state}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.tasks.map((task) => (
                <tr key={task.task} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-mono font-normal`}>
                    {task.task}
                  </th>
                  <td className={`${cell} font-mono`}>{task.schedule ?? t("tasks.onDemand")}</td>
                  <td className={cell}>{task.lastScheduledAt ? when(task.lastScheduledAt) : t("tasks.never")}</td>
                  {STATES.map((state) => (
                    <td key={state} className={`${cell} text-right tabular-nums`}>
                      {format.number(task.counts[state])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="jobs-failures" className="space-y-3">
        <h2 id="jobs-failures" className="text-xl font-semibold">
          {t("failures.heading")}
        </h2>
        {overview.failures.length === 0 ? (
          <p data-testid="jobs-no-failures">{t("failures.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="jobs-failures">
              <caption className="mb-2 text-left text-muted">{t("failures.caption", { count: overview.failures.length })}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={cell}>
                    {t("failures.job")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("tasks.task")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("failures.attempts")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("failures.error")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("failures.failedAt")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("failures.nextRetry")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("failures.action")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.failures.map((failure) => (
                  <tr key={failure.id} className="border-b border-slate-200">
                    <th scope="row" className={`${cell} font-mono font-normal`}>
                      {failure.id}
                    </th>
                    <td className={`${cell} font-mono`}>{failure.task}</td>
                    <td className={`${cell} tabular-nums`}>
                      {t("failures.attemptsOf", { attempts: failure.attempts, max: failure.maxAttempts })}
                    </td>
                    <td className={`${cell} font-mono`}>{failure.lastError ?? "—"}</td>
                    <td className={cell}>{when(failure.failedAt)}</td>
                    <td className={cell}>{failure.nextRetryAt ? when(failure.nextRetryAt) : t("failures.noMoreRetries")}</td>
                    <td className={cell}>
                      <JobsRetryButton
                        jobId={failure.id}
                        label={t("failures.retry", { id: failure.id })}
                        pendingLabel={t("failures.retrying")}
                        doneLabel={t("failures.retried")}
                        action={retryJobAction}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="jobs-help" className="space-y-2">
        <h2 id="jobs-help" className="text-xl font-semibold">
          {t("help.heading")}
        </h2>
        <p>{t("help.retries")}</p>
        <p>{t("help.workers")}</p>
      </section>
    </div>
  );
}
