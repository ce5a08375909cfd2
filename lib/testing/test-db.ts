import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";

/**
 * A Prisma client on the run's shared, migrated database, closed after the file's tests: connected as
 * the app is, through a role that does not own the tables (on PostgreSQL; PGlite has one user).
 */
export function useTestDb(): Db {
  const db = createPrismaClient(inject("databaseUrl"), 4);
  afterAll(() => db.$disconnect());
  return db;
}

/**
 * A client on the same database as its owner (the migrations' role): for tests that play an attacker
 * holding the owner's powers, e.g. disabling the history's triggers.
 */
export function useOwnerTestDb(): Db {
  const db = createPrismaClient(inject("ownerDatabaseUrl"), 2);
  afterAll(() => db.$disconnect());
  return db;
}
