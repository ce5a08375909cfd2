import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { recordHistory } from "@/lib/server/history/record-history";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { newCatalogApp } from "@/lib/testing/catalogue-fixtures";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { testCtx } from "@/lib/testing/ctx";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { parseAuditLogFilters } from "./audit-log-filters";
import { exportAuditLogCsv } from "./export-audit-log-csv";
import { getLatestHistoryChainCheck, requestHistoryChainCheck, runHistoryChainChecks } from "./history-chain-check";
import { listAuditLog } from "./list-audit-log";
import { loadAdminDashboard } from "./load-admin-dashboard";

describe("the admin's dashboard, staff log and history check", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();
  // Where the chain check reads the history's checkpoints from: a store of this file's own.
  const storage = createLocalStorage({ root: mkdtempSync(join(tmpdir(), "oversight-checkpoints-")) });

  async function person(roles: Role[] = ["PATIENT"], status: "ACTIVE" | "DISABLED" = "ACTIVE") {
    return db.user.create({
      data: { email: `oversight-${randomUUID()}@test.localhost`, firstName: "Sam", lastName: "Témoin", roles, status },
      select: { id: true, email: true },
    });
  }
  async function staffOf(role: Role): Promise<StaffActor> {
    const user = await person([role]);
    return {
      userId: user.id,
      role,
      label: `Sam ${role}`,
      actor: { userId: user.id, roles: [role], stage: "FULL", hasConfirmedFactor: true },
    };
  }
  const filters = (values: Record<string, string>) => {
    const parsed = parseAuditLogFilters(values);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  };

  it("counts what was added, as totals only", async () => {
    const admin = await staffOf("ADMIN");
    const before = await loadAdminDashboard(testCtx(db), { staff: admin });

    const [withFactor, withoutFactor] = [await person(), await person()];
    await person(["PATIENT"], "DISABLED");
    await db.authFactor.create({ data: { userId: withFactor.id, kind: "TOTP", confirmedAt: new Date() } });
    const document = (title: string, sizeBytes: number | null, deletedAt: Date | null = null) => ({
      ownerId: withFactor.id,
      title,
      category: "OTHER" as const,
      documentDate: new Date("2026-01-01"),
      authorKind: "PATIENT" as const,
      sizeBytes,
      deletedAt,
    });
    await db.document.createMany({
      data: [document("a", 50_000), document("b", 2_000_000), document("c", null), document("d", 300_000, new Date())],
    });
    const app = await newCatalogApp(db, { name: `Appli ${randomUUID().slice(0, 6)}` });
    await db.appConnection.createMany({
      data: [
        { patientId: withFactor.id, appId: app.id },
        { patientId: withoutFactor.id, appId: app.id },
      ],
    });
    await db.appConnection.create({ data: { patientId: (await person()).id, appId: app.id, revokedAt: new Date() } });
    await db.supportTicket.createMany({
      data: [
        { requesterId: withFactor.id, topic: "ACCOUNT", subject: "a" },
        { requesterId: withFactor.id, topic: "ACCOUNT", subject: "b", status: "CLOSED" },
      ],
    });
    await db.securityEvent.createMany({
      data: [
        { userId: withFactor.id, kind: "LOGIN_PASSWORD_FAILED" },
        { userId: withFactor.id, kind: "LOGIN_PASSWORD_FAILED" },
        { userId: withoutFactor.id, kind: "LOGIN_SECOND_FACTOR_FAILED" },
        { userId: withoutFactor.id, kind: "LOGIN_PASSWORD_SUCCEEDED" },
        { userId: withoutFactor.id, kind: "LOGIN_PASSWORD_FAILED", createdAt: new Date(Date.now() - 40 * 24 * 3600 * 1000) },
      ],
    });

    const after = await loadAdminDashboard(testCtx(db), { staff: admin });
    // Four patients (one disabled): four accounts more, three of them active.
    expect(after.accounts.total - before.accounts.total).toBe(4);
    expect(after.accounts.byStatus.ACTIVE - before.accounts.byStatus.ACTIVE).toBe(3);
    expect(after.accounts.byStatus.DISABLED - before.accounts.byStatus.DISABLED).toBe(1);
    expect(after.accounts.createdPerWeek).toHaveLength(12);
    expect(after.accounts.createdPerWeek.at(-1)!.count - before.accounts.createdPerWeek.at(-1)!.count).toBe(4);
    expect(after.secondFactor.active - before.secondFactor.active).toBe(3);
    expect(after.secondFactor.withFactor - before.secondFactor.withFactor).toBe(1);
    expect(after.documents.count - before.documents.count).toBe(4);
    expect(after.documents.inBin - before.documents.inBin).toBe(1);
    expect(after.documents.storageBytes - before.documents.storageBytes).toBe(2_350_000);
    expect({
      small: after.documents.bySize.small - before.documents.bySize.small,
      medium: after.documents.bySize.medium - before.documents.bySize.medium,
      large: after.documents.bySize.large - before.documents.bySize.large,
      noFile: after.documents.bySize.noFile - before.documents.bySize.noFile,
    }).toEqual({ small: 1, medium: 1, large: 1, noFile: 1 });
    expect(after.apps.activeConnections - before.apps.activeConnections).toBe(2);
    const mine = after.apps.top.find((entry) => entry.name === app.name);
    if (mine) expect(mine.connections).toBe(2);
    else expect(after.apps.top).toHaveLength(5);
    expect(after.tickets.OPEN - before.tickets.OPEN).toBe(1);
    expect(after.tickets.CLOSED - before.tickets.CLOSED).toBe(1);
    expect(after.failedLogins).toHaveLength(30);
    expect(after.failedLogins.at(-1)!.count - before.failedLogins.at(-1)!.count).toBe(3);
    // Nothing in it names a person: no e-mail, no account id.
    expect(JSON.stringify(after)).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-/);

    const support = await staffOf("SUPPORT");
    await expect(loadAdminDashboard(testCtx(db), { staff: support })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("filters the staff log by member, action, target and Paris day, in keyset pages", async () => {
    const [a, b] = [await staffOf("ADMIN"), await staffOf("SUPPORT")];
    const aEmail = (await db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { email: true } })).email;
    const target = await person();
    for (const role of ["SUPPORT", "CURATOR", "ADMIN"]) {
      await db.$transaction((tx) =>
        recordStaffAction(tx, {
          staff: a,
          action: "ROLE_GRANTED",
          target: { userId: target.id, label: "Sam Témoin" },
          reason: "Motif de test",
          details: { role },
        }),
      );
    }
    await db.$transaction((tx) =>
      recordStaffAction(tx, {
        staff: b,
        action: "ACCOUNT_VIEWED",
        target: { userId: target.id, label: "Sam Témoin" },
        reason: "Appel de l'usager",
      }),
    );
    // 23:30 UTC on 10 March is 00:30 on 11 March in Paris.
    await db.staffAuditEntry.create({
      data: {
        actorId: b.userId,
        actorRole: "SUPPORT",
        actorLabel: "Sam SUPPORT",
        action: "ACCOUNT_UNLOCKED",
        targetUserId: target.id,
        createdAt: new Date("2025-03-10T23:30:00Z"),
      },
    });

    const list = (values: Record<string, string>, cursor?: string | null, limit?: number) =>
      listAuditLog(testCtx(db), { staff: a, filters: filters(values), cursor, limit });
    expect((await list({ target: target.id })).rows).toHaveLength(5);
    expect((await list({ target: target.id, staff: aEmail.toUpperCase() })).rows.map((row) => row.actorId)).toEqual([
      a.userId,
      a.userId,
      a.userId,
    ]);
    expect((await list({ target: target.id, staff: b.userId })).rows).toHaveLength(2);
    expect((await list({ target: target.id, action: "ACCOUNT_VIEWED" })).rows.map((row) => row.reason)).toEqual(["Appel de l'usager"]);
    expect((await list({ target: target.id, from: "2025-03-11", to: "2025-03-11" })).rows.map((row) => row.action)).toEqual([
      "ACCOUNT_UNLOCKED",
    ]);
    expect((await list({ target: target.id, from: "2025-03-10", to: "2025-03-10" })).rows).toEqual([]);

    const first = await list({ target: target.id }, null, 2);
    const second = await list({ target: target.id }, first.nextCursor, 2);
    const third = await list({ target: target.id }, second.nextCursor, 2);
    expect([first.rows.length, second.rows.length, third.rows.length, third.nextCursor]).toEqual([2, 2, 1, null]);
    const paged = [...first.rows, ...second.rows, ...third.rows];
    expect(new Set(paged.map((row) => row.id)).size).toBe(5);
    expect(paged.map((row) => row.id)).toEqual((await list({ target: target.id })).rows.map((row) => row.id));
    expect(paged.at(-1)!.action).toBe("ACCOUNT_UNLOCKED");

    expect(parseAuditLogFilters({ target: "pas-un-id" }).success).toBe(false);
    await expect(listAuditLog(testCtx(db), { staff: b, filters: {} })).rejects.toBeInstanceOf(AppError);
  });

  it("exports the filtered log as safe CSV and records the export", async () => {
    const admin = await staffOf("ADMIN");
    const target = await person();
    await db.$transaction((tx) =>
      recordStaffAction(tx, {
        staff: admin,
        action: "ROLE_GRANTED",
        target: { userId: target.id, label: 'Sam "Témoin"' },
        reason: '=HYPERLINK("http://evil")',
        details: { role: "CURATOR" },
      }),
    );
    const stream = await exportAuditLogCsv(testCtx(db), { staff: admin, filters: filters({ target: target.id }), locale: "fr" });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      '\uFEFF"Date et heure (Paris)","Membre de l\'équipe","Rôle exercé","Action","Cible","Identifiant du compte visé","Motif","Détails","Adresse IP"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Sam ADMIN","Administration","Rôle donné","Sam ""Témoin""",');
    expect(lines[1]).toContain(`"${target.id}","'=HYPERLINK(""http://evil"")","Rôle : Curation du catalogue"`);

    const exported = await db.staffAuditEntry.findFirstOrThrow({
      where: { actorId: admin.userId, action: "AUDIT_LOG_EXPORTED" },
      select: { details: true },
    });
    expect(exported.details).toEqual({ filters: { target: target.id } });
  });

  it("keeps the staff log append-only, in the database itself", async () => {
    const admin = await staffOf("ADMIN");
    const id = await db.$transaction((tx) => recordStaffAction(tx, { staff: admin, action: "ACCOUNT_VIEWED", reason: "Vérification" }));
    // Even as the tables' owner (the app's own role lacks the privileges: prisma/app-database-role.test.ts).
    await expect(owner.$executeRaw`UPDATE "StaffAuditEntry" SET reason = 'Effacé' WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`DELETE FROM "StaffAuditEntry" WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    await expect(db.staffAuditEntry.deleteMany({ where: { actorId: admin.userId } })).rejects.toThrow();
    expect((await db.staffAuditEntry.findUniqueOrThrow({ where: { id }, select: { reason: true } })).reason).toBe("Vérification");
  });

  it("checks every chain in the background, reports a tampered one by patient and sequence, and records the check", async () => {
    const admin = await staffOf("ADMIN");
    const tampered = randomUUID();
    const actor = { userId: null, role: null, label: "Test" };
    await db.$transaction((tx) =>
      recordHistory(
        tx,
        [1, 2, 3].map(() => ({ patientId: tampered, actor, action: "DOCUMENT_VIEWED" as const })),
      ),
    );
    // As the tables' owner: the app's own role may not disable the triggers.
    await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" DISABLE TRIGGER "HistoryEntry_append_only"`);
      await tx.$executeRaw`UPDATE "HistoryEntry" SET "actorLabel" = 'Quelqu''un' WHERE "patientId" = ${tampered}::uuid AND sequence = 2`;
      await tx.$executeRawUnsafe(`ALTER TABLE "HistoryEntry" ENABLE TRIGGER "HistoryEntry_append_only"`);
    });

    // Asking queues the check; asking again while it waits shows the same one.
    const requested = await requestHistoryChainCheck(testCtx(db, { ip: "192.0.2.7" }), { staff: admin });
    expect(requested).toMatchObject({ running: true, patients: 0 });
    expect((await requestHistoryChainCheck(testCtx(db), { staff: admin })).id).toBe(requested.id);
    expect(await db.staffAuditEntry.count({ where: { actorId: admin.userId, action: "HISTORY_CHAINS_VERIFIED" } })).toBe(0);

    // A few patients per step, so that the run saves its cursor several times on the way.
    expect(await runHistoryChainChecks(testCtx(db, { storage }), { patientsPerStep: 3 })).toBe(1);
    const result = (await getLatestHistoryChainCheck(testCtx(db), { staff: admin }))!;
    expect(result).toMatchObject({ id: requested.id, running: false });
    expect(result.broken).toContainEqual({ patientId: tampered, sequence: 2, problem: "HASH" });
    expect(result.brokenCount).toBe(result.broken.length);
    const [{ patients }] = await db.$queryRaw<
      { patients: number }[]
    >`SELECT COUNT(DISTINCT "patientId")::int AS patients FROM "HistoryEntry"`;
    expect(result.patients).toBe(patients);
    const entry = await db.staffAuditEntry.findFirstOrThrow({
      where: { actorId: admin.userId, action: "HISTORY_CHAINS_VERIFIED" },
      select: { details: true, ipAddress: true },
    });
    expect(entry.details).toMatchObject({
      checkId: requested.id,
      patients: result.patients,
      entries: result.entries,
      broken: result.brokenCount,
    });
    expect((entry.details as { brokenChains: string[] }).brokenChains).toContain(`${tampered}#2`);
    expect(entry.ipAddress).toBe("192.0.2.7");
    // Nothing left to run; a new request starts a new check.
    expect(await runHistoryChainChecks(testCtx(db, { storage }))).toBe(0);
    expect((await requestHistoryChainCheck(testCtx(db), { staff: admin })).id).not.toBe(requested.id);
    await runHistoryChainChecks(testCtx(db, { storage }));

    const support = await staffOf("SUPPORT");
    await expect(requestHistoryChainCheck(testCtx(db), { staff: support })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLatestHistoryChainCheck(testCtx(db), { staff: support })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a run holding a check keeps it; one whose lease ran out is taken over from its cursor", async () => {
    const admin = await staffOf("ADMIN");
    const actor = { userId: null, role: null, label: "Test" };
    await db.$transaction((tx) =>
      recordHistory(
        tx,
        [randomUUID(), randomUUID()].map((patientId) => ({ patientId, actor, action: "DOCUMENT_VIEWED" as const })),
      ),
    );
    const check = await requestHistoryChainCheck(testCtx(db), { staff: admin });
    // Another instance holds the check, its lease still running: this run leaves it alone.
    await db.historyChainCheck.update({
      where: { id: check.id },
      data: { leaseToken: randomUUID(), leaseUntil: new Date(Date.now() + 60_000) },
    });
    expect(await runHistoryChainChecks(testCtx(db, { storage }))).toBe(0);
    expect((await getLatestHistoryChainCheck(testCtx(db), { staff: admin }))!.running).toBe(true);

    // That instance stopped after saving a cursor past every patient but the last: the next run resumes there.
    const patients = (
      await db.$queryRaw<{ patientId: string }[]>`SELECT DISTINCT "patientId" FROM "HistoryEntry" ORDER BY "patientId"`
    ).map((row) => row.patientId);
    expect(patients.length).toBeGreaterThan(1);
    await db.historyChainCheck.update({
      where: { id: check.id },
      data: { cursor: patients.at(-2)!, patients: patients.length - 1, entries: 0, leaseUntil: new Date(Date.now() - 1_000) },
    });
    expect(await runHistoryChainChecks(testCtx(db, { storage }))).toBe(1);
    const done = (await getLatestHistoryChainCheck(testCtx(db), { staff: admin }))!;
    expect(done).toMatchObject({ id: check.id, running: false, patients: patients.length });
    // Entries verified before any break: the last patient may be one another test file tampered with.
    expect(done.entries).toBe((await verifyHistoryChain(db, patients.at(-1)!)).entries);
  });
});
