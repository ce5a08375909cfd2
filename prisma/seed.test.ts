import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { isValidRpps } from "@/lib/identifiers/rpps";
import { useTestDb } from "@/lib/testing/test-db";
import { startEmbeddedDatabase } from "./embedded-db";
import { applyMigrations } from "./migrate";
import * as OTPAuth from "otpauth";
import { verifyTotp } from "@/lib/server/auth/totp/verify-totp";
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET, seedDemoData } from "./seed";

const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);

async function counts(db: Db) {
  const users = await db.user.findMany({ where: { email: { in: demoEmails } }, select: { id: true } });
  const ids = users.map((u) => u.id);
  return {
    users: users.length,
    professionals: await db.professional.count({ where: { userId: { in: ids } } }),
    documents: await db.document.count({ where: { ownerId: { in: ids } } }),
    apps: await db.catalogApp.count(),
  };
}

describe("the demo seed", () => {
  const db = useTestDb();

  it("creates every demo role, professionals with valid identifiers, documents and catalogue apps", async () => {
    const summary = await seedDemoData(db);
    expect(await counts(db)).toEqual(summary);
    const roles = new Set((await db.user.findMany({ where: { email: { in: demoEmails } }, select: { roles: true } })).flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(["ADMIN", "CURATOR", "PATIENT", "PROFESSIONAL", "SUPPORT"]);
    const pros = await db.professional.findMany({ where: { user: { email: { in: demoEmails } } } });
    expect(pros.every((p) => isValidRpps(p.rpps))).toBe(true);
    expect(pros.some((p) => p.emergencyStaff)).toBe(true);
  });

  it("is idempotent: a second run duplicates nothing and keeps what a person changed", async () => {
    await seedDemoData(db);
    const before = await counts(db);
    await db.user.update({ where: { email: demoEmails[0] }, data: { firstName: "Camille-Édith" } });
    await seedDemoData(db);
    expect(await counts(db)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { email: demoEmails[0] } })).firstName).toBe("Camille-Édith");
  });

  it("stores argon2id password hashes, never the password", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: demoEmails[0] }, omit: { passwordHash: false } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("gives every demo account one confirmed authenticator holding the published secret", async () => {
    await seedDemoData(db);
    const users = await db.user.findMany({ where: { email: { in: demoEmails } }, select: { id: true } });
    for (const user of users) {
      expect(await db.authFactor.count({ where: { userId: user.id, kind: "TOTP", confirmedAt: { not: null } } })).toBe(1);
    }
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET) }).generate();
    expect(await verifyTotp(db, { userId: users[0].id, code })).toBe(true);
  });
});

describe("the embedded database across restarts", () => {
  it("keeps the data when stopped and started again, and a second start seeds no duplicates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pglite-"));
    try {
      const run = async () => {
        const embedded = await startEmbeddedDatabase({ dataDir: join(dir, "pglite") });
        const db = createPrismaClient(embedded.url, 2);
        try {
          await applyMigrations(embedded.url);
          await seedDemoData(db);
          return await counts(db);
        } finally {
          await db.$disconnect();
          await embedded.stop();
        }
      };
      const first = await run();
      expect(first.users).toBe(DEMO_ACCOUNTS.length);
      expect(await run()).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses to open a folder another live process holds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pglite-"));
    const embedded = await startEmbeddedDatabase({ dataDir: join(dir, "pglite") });
    try {
      // Simulate another holder: the lock names a live process that is not this one (our parent).
      writeFileSync(join(dir, "pglite.pid"), String(process.ppid));
      await expect(startEmbeddedDatabase({ dataDir: join(dir, "pglite") })).rejects.toThrow(/already in use by process/);
    } finally {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
