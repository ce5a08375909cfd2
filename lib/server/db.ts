import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "./config";

/**
 * The one Prisma client of the process. Only services under lib/server call it. Secrets are omitted
 * from every result unless a query asks for them with `omit: { passwordHash: false }`.
 */
export function createPrismaClient(connectionString: string, poolSize = 10) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize }),
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { __db?: Db };

function databaseUrl(): string {
  const { databaseUrl } = getConfig();
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which starts the embedded database.");
  }
  return databaseUrl;
}

/** Created on first use so that importing a module never opens a connection. */
export function getDb(): Db {
  // Kept on globalThis so development hot reloads do not open a new pool each time.
  globalForDb.__db ??= createPrismaClient(databaseUrl(), getConfig().dbPoolSize);
  return globalForDb.__db;
}

/**
 * What a service writes through inside `db.$transaction(async (tx) => …)`. The client itself is
 * assignable to it, so a helper that takes a `Tx` (or a `Pick<Tx, …>` of the tables it touches) runs
 * the same inside a caller's transaction or on its own.
 */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
