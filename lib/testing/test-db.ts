import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { appRoleUrl, cloneTemplate } from "./database";

/*
 * Each test file that imports this module gets a migrated database of its own, copied from the run's
 * template (global-setup.ts) when the file loads and dropped after its tests: files run in parallel and
 * never see each other's rows, so a test may count, list or purge whatever its database holds.
 */
const template = inject("databaseTemplate");
const database = await cloneTemplate(template);
// Registered before any client's disconnect, so it runs after them (vitest runs after-hooks as a stack).
afterAll(() => database.drop());

/** The file's database as its tables' owner (the migrations' role). */
export const ownerTestDatabaseUrl = database.url;

/**
 * The file's database as the app connects to it: through a role that does not own the tables on
 * PostgreSQL; unchanged on PGlite, which serves one user whatever name a connection gives (measured:
 * the wire server ignores it).
 */
export const testDatabaseUrl = template.kind === "server" ? appRoleUrl(database.url) : database.url;

/** A Prisma client on the file's database, as the app connects, closed after the file's tests. */
export function useTestDb(): Db {
  const db = createPrismaClient(testDatabaseUrl, 4);
  afterAll(() => db.$disconnect());
  return db;
}

/**
 * A client on the same database as its owner: for tests that play an attacker holding the owner's
 * powers, e.g. disabling the history's triggers.
 */
export function useOwnerTestDb(): Db {
  const db = createPrismaClient(ownerTestDatabaseUrl, 2);
  afterAll(() => db.$disconnect());
  return db;
}
