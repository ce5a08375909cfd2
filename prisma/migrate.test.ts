import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyDatabase, withClient, type TestDatabase } from "@/lib/testing/database";
import { applyMigrations, readMigrations } from "./migrate";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migration runner", () => {
  it("applies every migration to an empty database and records each as Prisma Migrate does", async () => {
    database = await createEmptyDatabase();
    const result = await applyMigrations(database.url);
    const migrations = readMigrations();
    expect(result.applied).toEqual(migrations.map((m) => m.name));

    const rows = await withClient(
      database.url,
      async (c) =>
        (
          await c.query(
            `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
          )
        ).rows,
    );
    expect(rows).toHaveLength(migrations.length);
    rows.forEach((row, i) => {
      expect(row.migration_name).toBe(migrations[i].name);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(migrations[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    });
  });

  it("applies nothing the second time", async () => {
    database = await createEmptyDatabase();
    await applyMigrations(database.url);
    const again = await applyMigrations(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations().length);
  });

  it("rolls back a failing migration whole and records nothing for it", async () => {
    database = await createEmptyDatabase();
    const dir = migrationsDir({
      "001_ok": `CREATE TABLE "a" (id int);`,
      "002_broken": `CREATE TABLE "b" (id int); INSERT INTO "missing" VALUES (1);`,
    });
    await expect(applyMigrations(database.url, { dir })).rejects.toThrow(/002_broken failed and was rolled back/);
    const state = await withClient(database.url, async (c) => ({
      recorded: (await c.query(`SELECT migration_name FROM "_prisma_migrations"`)).rows.map((r) => r.migration_name),
      b: (await c.query(`SELECT to_regclass('public.b') AS t`)).rows[0].t,
    }));
    expect(state.recorded).toEqual(["001_ok"]);
    expect(state.b).toBeNull();
  });

  it("refuses to go on when an applied migration was edited", async () => {
    database = await createEmptyDatabase();
    const dir = migrationsDir({ "001_a": `CREATE TABLE "a" (id int);` });
    await applyMigrations(database.url, { dir });
    writeFileSync(join(dir, "001_a", "migration.sql"), `CREATE TABLE "a" (id bigint);`);
    await expect(applyMigrations(database.url, { dir })).rejects.toThrow(/001_a was modified after it was applied/);
  });
});
