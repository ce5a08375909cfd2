/**
 * Applies prisma/migrations at start, as `prisma migrate deploy` would, without Prisma's native
 * schema engine (which these machines cannot download). Each pending migration runs in its own
 * transaction under Prisma Migrate's advisory lock and is recorded in `_prisma_migrations` exactly as
 * Prisma records it, so Prisma's own tooling agrees with this runner wherever it can run.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { migrateJobSchema } from "@/lib/server/jobs/migrate-job-schema";

/** Prisma Migrate's lock id (an advisory lock shared with `prisma migrate deploy`). */
const PRISMA_MIGRATE_LOCK_ID = 72707369;

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "migrations");

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function applyMigrations(
  connectionString: string,
  { dir = MIGRATIONS_DIR, log = (_: string) => {} }: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    const failed = rows.find((r) => !r.finished_at);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not rolled back: fix the database by hand, then mark it rolled back.`,
      );
    }
    for (const name of done.keys()) {
      const local = migrations.find((m) => m.name === name);
      if (!local) throw new Error(`The database has migration ${name}, which is not in ${dir}: is this checkout older than the database?`);
      if (local.checksum !== done.get(name)) {
        throw new Error(`Migration ${name} was modified after it was applied. Never edit an applied migration: write a new one.`);
      }
    }

    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      log(`Applying migration ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    // The job library's schema (graphile_worker) has its own numbered migrations; run under the same lock.
    if (dir === MIGRATIONS_DIR) await migrateJobSchema(connectionString);
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
