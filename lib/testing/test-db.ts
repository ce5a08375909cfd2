import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";

/** A Prisma client on the run's shared, migrated database, closed after the file's tests. */
export function useTestDb(): Db {
  const db = createPrismaClient(inject("databaseUrl"), 4);
  afterAll(() => db.$disconnect());
  return db;
}
