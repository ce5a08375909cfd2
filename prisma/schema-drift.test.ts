import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, withClient, type TestDatabase } from "@/lib/testing/database";
import { applyMigrations } from "./migrate";
import { actualShape, expectedShape } from "./schema-shape";

const schemaPath = join(import.meta.dirname, "schema.prisma");

describe("migrations and schema.prisma describe the same database (no drift)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    await applyMigrations(database.url);
  });
  afterAll(() => database.drop());

  it("an empty database migrated from scratch has exactly the tables, columns, enums, indexes and keys of the schema", async () => {
    const actual = await withClient(database.url, actualShape);
    expect(actual).toEqual(expectedShape(schemaPath));
  });

  it("every change to schema.prisma has its migration (the snapshot the last one was written from is current)", () => {
    const snapshot = readFileSync(join(import.meta.dirname, "schema.migrated.prisma"), "utf8");
    expect(readFileSync(schemaPath, "utf8"), "run `npm run db:migration:new -- <name>`").toBe(snapshot);
  });
});
