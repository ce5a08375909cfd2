import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/server/auth/totp/totp-parameters";
import { useOwnerTestDb } from "@/lib/testing/test-db";
import { generateDocumentKey, unwrapDocumentKey, wrapDocumentKey } from "./document-keys";
import { rotateMasterKey } from "./rotate-master-key";

// A rotation touches every row: the file's own database (lib/testing/test-db.ts) holds only this test's.
describe("rotating the master key", () => {
  const db = useOwnerTestDb();

  it("re-wraps every document key and TOTP secret to the new key, resumably, and stops on a wrong old key", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const user = await db.user.create({
      data: { email: `rotate-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });
    const dataKeys = new Map<string, Buffer>();
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      const dataKey = generateDocumentKey();
      dataKeys.set(id, dataKey);
      await db.document.create({
        data: {
          id,
          ownerId: user.id,
          title: "Bilan",
          category: "LAB_RESULTS",
          documentDate: new Date("2025-01-01"),
          authorKind: "PATIENT",
          wrappedKey: new Uint8Array(wrapDocumentKey(dataKey, { documentId: id, masterKey: oldKey })),
        },
      });
    }
    const secret = randomBytes(20);
    const factor = await db.authFactor.create({
      data: {
        userId: user.id,
        kind: "TOTP",
        label: "Téléphone",
        secretEncrypted: encryptTotpSecret(secret, user.id, oldKey),
        confirmedAt: new Date(),
      },
      select: { id: true },
    });

    await expect(rotateMasterKey(db, { oldKey: randomBytes(32), newKey })).rejects.toThrow();

    // A run interrupted after its first row: that row is already under the new key.
    const [firstId, firstKey] = [...dataKeys].sort(([a], [b]) => (a < b ? -1 : 1))[0]!;
    await db.document.update({
      where: { id: firstId },
      data: { wrappedKey: new Uint8Array(wrapDocumentKey(firstKey, { documentId: firstId, masterKey: newKey })) },
    });
    const report = await rotateMasterKey(db, { oldKey, newKey, batchSize: 2 });
    expect(report.documentKeys).toEqual({ rewrapped: 4, alreadyNew: 1 });
    expect(report.totpSecrets).toEqual({ reencrypted: 1, alreadyNew: 0 });
    expect(await rotateMasterKey(db, { oldKey, newKey, batchSize: 2 })).toEqual({
      documentKeys: { rewrapped: 0, alreadyNew: 5 },
      totpSecrets: { reencrypted: 0, alreadyNew: 1 },
    });

    for (const row of await db.document.findMany({ select: { id: true, wrappedKey: true } })) {
      expect(unwrapDocumentKey(row.wrappedKey!, { documentId: row.id, masterKey: newKey }).equals(dataKeys.get(row.id)!)).toBe(true);
      expect(() => unwrapDocumentKey(row.wrappedKey!, { documentId: row.id, masterKey: oldKey })).toThrow();
    }
    const stored = await db.authFactor.findUniqueOrThrow({ where: { id: factor.id } });
    expect(Buffer.from(decryptTotpSecret(stored.secretEncrypted!, user.id, newKey).bytes).equals(secret)).toBe(true);
  });
});
