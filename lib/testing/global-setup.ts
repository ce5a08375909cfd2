import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/prisma/migrate";
import { appRoleUrl, createEmptyDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database shared by the integration tests of one run, as the app connects to it. */
    databaseUrl: string;
    /** The same database as the role that owns its tables (ran the migrations). */
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createEmptyDatabase();
  await applyMigrations(database.url);
  // Migrated as the owner; the services under test connect as the app does, without owning anything.
  project.provide("ownerDatabaseUrl", database.url);
  project.provide("databaseUrl", await appRoleUrl(database.url));
  return () => database.drop();
}
