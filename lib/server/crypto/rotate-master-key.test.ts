import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/server/auth/totp/totp-parameters";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { createEmptyDatabase, type TestDatabase } from "@/lib/testing/database";
import { applyMigrations } from "@/prisma/migrate";
import { generateDocumentKey, unwrapDocumentKey, wrapDocumentKey } from "./document-keys";
import { rotateMasterKey } from "./rotate-master-key";

// Its own database: a rotation touches every row, and the shared one holds rows under other keys.
describe("rotating the master key", () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    await applyMigrations(database.url);
    db = createPrismaClient(database.url, 2);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("re-wraps every document key and TOTP secret to the new key, resumably, and stops on a wrong old key", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const user = await db.user.create({ data: { email: `rotate-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" }, select: { id: true } });
    const dataKeys = new Map<string, Buffer>();
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      const dataKey = generateDocumentKey();
      dataKeys.set(id, dataKey);
      await db.document.create({
        data: { id, ownerId: user.id, title: "Bilan", category: "LAB_RESULTS", documentDate: new Date("2025-01-01"), authorKind: "PATIENT", wrappedKey: new Uint8Array(wrapDocumentKey(dataKey, { documentId: id, masterKey: oldKey })) },
      });
    }
    const secret = randomBytes(20);
    const factor = await db.authFactor.create({
      data: { userId: user.id, kind: "TOTP", label: "Téléphone", secretEncrypted: encryptTotpSecret(secret, user.id, oldKey), confirmedAt: new Date() },
      select: { id: true },
    });

    await expect(rotateMasterKey(db, { oldKey: randomBytes(32), newKey })).rejects.toThrow();

    // A run interrupted after its first row: that row is already under the new key.
    const [firstId, firstKey] = [...dataKeys].sort(([a], [b]) => (a < b ? -1 : 1))[0]!;
    await db.document.update({ where: { id: firstId }, data: { wrappedKey: new Uint8Array(wrapDocumentKey(firstKey, { documentId: firstId, masterKey: newKey })) } });
    const report = await rotateMasterKey(db, { oldKey, newKey, batchSize: 2 });
    expect(report.documentKeys).toEqual({ rewrapped: 4, alreadyNew: 1 });
    expect(report.totpSecrets).toEqual({ reencrypted: 1, alreadyNew: 0 });
    expect(await rotateMasterKey(db, { oldKey, newKey, batchSize: 2 })).toEqual({ documentKeys: { rewrapped: 0, alreadyNew: 5 }, totpSecrets: { reencrypted: 0, alreadyNew: 1 } });

    for (const row of await db.document.findMany({ select: { id: true, wrappedKey: true } })) {
      expect(unwrapDocumentKey(row.wrappedKey!, { documentId: row.id, masterKey: newKey }).equals(dataKeys.get(row.id)!)).toBe(true);
      expect(() => unwrapDocumentKey(row.wrappedKey!, { documentId: row.id, masterKey: oldKey })).toThrow();
    }
    const stored = await db.authFactor.findUniqueOrThrow({ where: { id: factor.id } });
    expect(Buffer.from(decryptTotpSecret(stored.secretEncrypted!, user.id, newKey).bytes).equals(secret)).toBe(true);
  });
});
