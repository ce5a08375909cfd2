import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { testDatabaseUrl, useTestDb } from "@/lib/testing/test-db";
import { enqueueJob } from "./enqueue-job";
import { loadJobOverview } from "./load-job-overview";
import { retryJob } from "./retry-job";
import { startJobWorker, type Runner } from "./start-job-worker";

/**
 * The job system on the run's database (PGlite without DATABASE_URL, PostgreSQL with it), through the
 * real library and real workers. The workers here run test tasks only: the app's tasks stay queued for
 * no one, so these tests never run a pass on other files' rows.
 */
describe("background jobs", () => {
  const db = useTestDb();
  const url = testDatabaseUrl;
  const runners: Runner[] = [];
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  async function worker(options: Omit<Parameters<typeof startJobWorker>[0], "connectionString">) {
    const runner = await startJobWorker({ connectionString: url, pollIntervalMs: 200, ...options });
    runners.push(runner);
    return runner;
  }
  async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
    const end = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  async function admin(): Promise<StaffActor> {
    const role: Role = "ADMIN";
    const user = await db.user.create({
      data: { email: `jobs-${randomUUID()}@test.localhost`, firstName: "Ada", lastName: "Admin", roles: [role] },
      select: { id: true },
    });
    return {
      userId: user.id,
      role,
      label: "Ada Admin",
      actor: { userId: user.id, roles: [role], stage: "FULL", hasConfirmedFactor: true },
    };
  }

  it("runs a scheduled pass once per tick when two workers share the database", async () => {
    const task = `test.tick.${randomUUID()}`;
    const ticks: string[] = [];
    const handlers = { [task]: async (payload: { _cron?: { ts: string } }) => (ticks.push(String(payload._cron?.ts)), null) };
    // Both workers catch up on the last five minutes' ticks at start (the library's backfill), so the
    // test sees several ticks at once instead of waiting for the clock: each must run once, not twice.
    const cronItems = [{ task, identifier: task, match: "* * * * *", options: { backfillPeriod: 5 * 60_000 } }];
    await (await worker({ handlers, cronItems })).stop();
    runners.pop();
    await db.$executeRaw`UPDATE graphile_worker._private_known_crontabs SET known_since = now() - interval '1 hour', last_execution = now() - interval '1 hour' WHERE identifier = ${task}`;

    await Promise.all([worker({ handlers, cronItems }), worker({ handlers, cronItems })]);
    await until(() => ticks.length >= 5, "the backfilled ticks");
    // Long enough for a second worker's duplicate to show up, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });

  it("retries a failing job after e^attempts seconds, keeps it as failed with its error class only, and runs it again when an admin asks", async () => {
    const task = `test.boom.${randomUUID()}`;
    let runs = 0;
    const handlers = { [task]: async () => ((runs += 1), Promise.reject(new TypeError("Mme Dupont, 12 rue des Lilas"))) };
    await worker({ handlers, cronItems: [] });
    await db.$executeRaw`SELECT graphile_worker.add_job(${task}::text, '{}'::json, max_attempts := 3)`;
    const job = async () =>
      (
        await db.$queryRaw<{ id: bigint; attempts: number; wait_s: number; last_error: string | null; locked: boolean }[]>`
        SELECT id, attempts, extract(epoch FROM run_at - now())::float8 AS wait_s, last_error, locked_at IS NOT NULL AS locked
        FROM graphile_worker.jobs WHERE task_identifier = ${task}`
      )[0];

    await until(async () => (await job())?.attempts === 1 && !(await job())!.locked, "the first failure");
    const first = (await job())!;
    expect(first.wait_s).toBeGreaterThan(Math.E - 0.6);
    expect(first.wait_s).toBeLessThanOrEqual(Math.E + 0.1);
    expect(first.last_error).toBe("TypeError");

    // The second wait is e² ≈ 7.4 s; the test moves the retry forward rather than sleep through it.
    for (const attempt of [2, 3]) {
      if (attempt === 3) expect((await job())!.wait_s).toBeGreaterThan(Math.exp(2) - 1);
      await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE id = ${first.id}`;
      await until(async () => (await job())?.attempts === attempt && !(await job())!.locked, `failure ${attempt}`);
    }
    expect(runs).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs).toBe(3);

    const staff = await admin();
    const overview = await loadJobOverview(db, { staff });
    const failure = overview.failures.find((entry) => entry.id === String(first.id));
    expect(failure).toMatchObject({ task, attempts: 3, maxAttempts: 3, lastError: "TypeError", nextRetryAt: null });
    expect(overview.tasks.find((entry) => entry.task === task)?.counts).toMatchObject({ failed: 1, retrying: 0, running: 0 });
    expect(overview.tasks.find((entry) => entry.task === "outbox.retry")).toMatchObject({ schedule: "* * * * *" });

    await retryJob(db, { staff, jobId: String(first.id), ipAddress: "192.0.2.7" });
    await until(() => runs === 4, "the retried run");
    const logged = await db.staffAuditEntry.findFirstOrThrow({
      where: { actorId: staff.userId, action: "JOB_RETRIED" },
      select: { details: true, ipAddress: true },
    });
    expect(logged).toEqual({ details: { jobId: String(first.id), task }, ipAddress: "192.0.2.7" });
  });

  it("refuses a retry of a job that has not failed, and to anyone but an admin", async () => {
    const staff = await admin();
    await expect(retryJob(db, { staff, jobId: "999999999999", ipAddress: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const support: StaffActor = { ...staff, role: "SUPPORT", actor: { ...staff.actor, roles: ["SUPPORT"] } };
    await expect(retryJob(db, { staff: support, jobId: "1", ipAddress: null })).rejects.toBeInstanceOf(AppError);
    await expect(loadJobOverview(db, { staff: support })).rejects.toBeInstanceOf(AppError);
  });

  it("enqueues in the caller's transaction: a rollback leaves no job, a commit leaves one", async () => {
    const count = async (key: string) =>
      (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${key}`)[0]!.n;
    const rolledBack = `test-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, "history.chain_check", {}, { jobKey: rolledBack });
        throw new Error("the request failed after enqueueing");
      }),
    ).rejects.toThrow("the request failed");
    expect(await count(rolledBack)).toBe(0n);

    const committed = `test-${randomUUID()}`;
    await db.$transaction((tx) => enqueueJob(tx, "history.chain_check", {}, { jobKey: committed }));
    expect(await count(committed)).toBe(1n);
    await db.$executeRaw`SELECT graphile_worker.remove_job(${committed}::text)`;
  });

  it("refuses a payload that is not the task's (ids only)", async () => {
    await expect(enqueueJob(db, "outbox.deliver", { messageId: "not an id" })).rejects.toThrow();
    await expect(enqueueJob(db, "outbox.deliver", { messageId: randomUUID(), title: "Compte rendu" } as never)).rejects.toThrow();
  });
});
