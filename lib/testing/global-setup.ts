import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/prisma/migrate";
import { createEmptyDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database shared by the integration tests of one run. */
    databaseUrl: string;
    /** The same database as the role that owns its tables (ran the migrations). */
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createEmptyDatabase();
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.url);
  return () => database.drop();
}
