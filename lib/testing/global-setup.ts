import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createMigratedTemplate, type TestDatabaseTemplate } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's migrated template: each test file that uses a database gets a copy of its own (test-db.ts). */
    databaseTemplate: TestDatabaseTemplate;
  }
}

/** Migrates once per run; the copies are cheap (measured: see README, "Tests"). */
export default async function setup(project: TestProject) {
  const folder = await mkdtemp(join(tmpdir(), "ens-test-template-"));
  const { template, drop } = await createMigratedTemplate(join(folder, "pglite.tar"));
  project.provide("databaseTemplate", template);
  return async () => {
    await drop();
    await rm(folder, { recursive: true, force: true });
  };
}
