import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * The admin's background jobs page: reached from the admin navigation, counts by task and state, a
 * failed job with its attempts and error class, "retry now", after which the app's own worker (the
 * server runs one in process, as the quick start does) takes the job and it leaves the failures; the
 * retry is in the staff log. axe on each state of the page. A patient gets a 404.
 */
test("an admin sees a failed background job, retries it, and the worker runs it", async ({ page, context, browser }) => {
  test.setTimeout(90_000);
  const admin = await createAccount({ roles: ["ADMIN"] });
  await signInAs(context, admin);

  // A job that has spent its only attempt: an outbox message that no longer exists, so its retry
  // finds nothing to send and completes. Its payload holds an id only, as every job's does.
  const db = e2eDb();
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM graphile_worker.add_job('outbox.deliver', json_build_object('messageId', ${randomUUID()}::text), max_attempts := 1, run_at := now() + interval '1 hour')`;
  const jobId = String(row!.id);
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'Error[ECONNREFUSED]', run_at = now() WHERE id = ${row!.id}`;

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Rubriques de l'administration" }).getByRole("link", { name: "Tâches de fond" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tâches de fond" })).toBeVisible();
  const tasks = page.getByTestId("jobs-tasks");
  await expect(tasks.getByRole("rowheader", { name: "outbox.retry" })).toBeVisible();
  await expect(tasks.getByRole("row", { name: /^outbox\.retry/ }).getByRole("cell", { name: "* * * * *" })).toBeVisible();

  const failures = page.getByTestId("jobs-failures");
  const failed = failures.getByRole("row", { name: new RegExp(`^${jobId} `) });
  await expect(failed.getByRole("cell", { name: "outbox.deliver" })).toBeVisible();
  await expect(failed.getByRole("cell", { name: "1 sur 1" })).toBeVisible();
  await expect(failed.getByRole("cell", { name: "Error[ECONNREFUSED]" })).toBeVisible();
  await expect(failed.getByRole("cell", { name: "plus d'essai : à relancer à la main" })).toBeVisible();
  await expectAccessible(page);

  await failed.getByRole("button", { name: `Relancer le travail ${jobId} maintenant` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Relancé : un worker le reprend" })).toBeVisible();
  await expectAccessible(page);

  // The in-process worker polls every second; the job runs, finds no message, and is done.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(`^${jobId} `) })).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
  expect(await db.$queryRaw<unknown[]>`SELECT id FROM graphile_worker.jobs WHERE id = ${row!.id}`).toEqual([]);
  await expectAccessible(page);

  const logged = await db.staffAuditEntry.findFirstOrThrow({
    where: { actorId: admin.id, action: "JOB_RETRIED" },
    select: { details: true },
  });
  expect(logged.details).toEqual({ jobId, task: "outbox.deliver" });

  const patientContext = await browser.newContext();
  const patient = await createAccount();
  await signInAs(patientContext, patient);
  const patientPage = await patientContext.newPage();
  expect((await patientPage.goto(new URL("/admin/jobs", page.url()).toString()))!.status()).toBe(404);
  await patientContext.close();
});
