import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordHistory } from "@/lib/server/history/record-history";
import { ownerTestDatabaseUrl, testDatabaseUrl, useTestDb } from "@/lib/testing/test-db";

/**
 * The privileges of `ens_app`, the role the app connects through (migration app_database_role): every
 * statement runs in a transaction under SET LOCAL ROLE ens_app, which both engines enforce (measured on
 * PGlite 0.5.14: SET ROLE applies privileges and ownership checks like PostgreSQL).
 */
describe("the app's database role", () => {
  const db = useTestDb();
  const asApp = (sql: string) =>
    db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL ROLE ens_app");
      return tx.$executeRawUnsafe(sql);
    });

  it("may append to the history and the staff log, never change, erase or empty them", async () => {
    const patientId = randomUUID();
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL ROLE ens_app");
      await recordHistory(tx, { patientId, actor: { userId: null, role: null, label: "Test" }, action: "DOCUMENT_VIEWED" });
    });
    for (const table of ["HistoryEntry", "StaffAuditEntry"]) {
      await expect(asApp(`UPDATE "${table}" SET "ipAddress" = NULL`)).rejects.toThrow(/permission denied/);
      await expect(asApp(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied/);
      await expect(asApp(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied/);
    }
    expect(await db.historyEntry.count({ where: { patientId } })).toBe(1);
  });

  it("owns nothing, so it can neither disable the history's triggers nor change a table", async () => {
    await expect(asApp(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`ALTER TABLE "StaffAuditEntry" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP TABLE "HistoryEntry"`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`SELECT 1 FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });

  it("reads and writes the other tables as the app needs", async () => {
    const email = `role-${randomUUID()}@test.localhost`;
    await asApp(
      `INSERT INTO "User" (id, email, "firstName", "lastName", "updatedAt") VALUES ('${randomUUID()}', '${email}', 'Ana', 'Rôle', now())`,
    );
    await asApp(`UPDATE "User" SET "firstName" = 'Anne' WHERE email = '${email}'`);
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { firstName: true } })).toEqual({ firstName: "Anne" });
    await asApp(`DELETE FROM "User" WHERE email = '${email}'`);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("is what the tests' app connections run as on a PostgreSQL server (PGlite serves a single user)", async () => {
    const [{ current, owns, engine }] = await db.$queryRaw<{ current: string; owns: boolean; engine: string }[]>`
      SELECT current_user AS current, pg_has_role(current_user, tableowner, 'USAGE') AS owns, version() AS engine
      FROM pg_tables WHERE tablename = 'HistoryEntry'`;
    if (engine.includes("PGlite")) {
      // Measured: the embedded server answers every connection as its one user, whatever name it gives.
      expect({ current, owns, sameUrl: testDatabaseUrl === ownerTestDatabaseUrl }).toEqual({
        current: "postgres",
        owns: true,
        sameUrl: true,
      });
    } else {
      expect({ current, owns }).toEqual({ current: "ens_app_test", owns: false });
      await expect(db.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(db.$executeRawUnsafe(`UPDATE "HistoryEntry" SET "ipAddress" = NULL`)).rejects.toThrow(/permission denied/);
    }
  });
});
