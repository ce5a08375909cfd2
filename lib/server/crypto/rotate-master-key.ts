import "server-only";
import type { Db } from "@/lib/server/db";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/server/auth/totp/totp-parameters";
import { rewrapDocumentKey, unwrapDocumentKey } from "./document-keys";

export type RotationReport = {
  documentKeys: { rewrapped: number; alreadyNew: number };
  totpSecrets: { reencrypted: number; alreadyNew: number };
};

/**
 * Re-wraps everything the master key protects, from `oldKey` to `newKey`: each document's data key
 * (never the files themselves) and each TOTP secret. Resumable: a value that already opens with the
 * new key is skipped, so an interrupted run is simply run again. Each row is updated only if it still
 * holds the value read (a concurrent change wins and is not overwritten). A value that opens with
 * neither key throws: the operator has the wrong old key, and nothing more is changed.
 */
export async function rotateMasterKey(
  db: Db,
  { oldKey, newKey, batchSize = 200 }: { oldKey: Buffer; newKey: Buffer; batchSize?: number },
): Promise<RotationReport> {
  const report: RotationReport = { documentKeys: { rewrapped: 0, alreadyNew: 0 }, totpSecrets: { reencrypted: 0, alreadyNew: 0 } };
  const opensWith = (open: () => unknown) => {
    try {
      open();
      return true;
    } catch {
      return false;
    }
  };

  let after: string | undefined;
  for (;;) {
    const rows = await db.document.findMany({
      where: { wrappedKey: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, wrappedKey: true },
    });
    for (const row of rows) {
      const wrapped = row.wrappedKey!;
      if (opensWith(() => unwrapDocumentKey(wrapped, { documentId: row.id, masterKey: newKey }).fill(0))) {
        report.documentKeys.alreadyNew += 1;
        continue;
      }
      const rewrapped = rewrapDocumentKey(wrapped, { oldKey, newKey, documentId: row.id });
      const updated = await db.document.updateMany({
        where: { id: row.id, wrappedKey: { equals: wrapped } },
        data: { wrappedKey: new Uint8Array(rewrapped) },
      });
      report.documentKeys.rewrapped += updated.count;
    }
    if (rows.length < batchSize) break;
    after = rows.at(-1)!.id;
  }

  after = undefined;
  for (;;) {
    const factors: { id: string; userId: string; secretEncrypted: Uint8Array<ArrayBuffer> | null }[] = await db.authFactor.findMany({
      where: { secretEncrypted: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, userId: true, secretEncrypted: true },
    });
    for (const row of factors) {
      const blob = row.secretEncrypted!;
      if (opensWith(() => decryptTotpSecret(blob, row.userId, newKey))) {
        report.totpSecrets.alreadyNew += 1;
        continue;
      }
      const secret = decryptTotpSecret(blob, row.userId, oldKey);
      const updated = await db.authFactor.updateMany({
        where: { id: row.id, secretEncrypted: { equals: blob } },
        data: { secretEncrypted: encryptTotpSecret(secret.bytes, row.userId, newKey) },
      });
      report.totpSecrets.reencrypted += updated.count;
    }
    if (factors.length < batchSize) break;
    after = factors.at(-1)!.id;
  }
  return report;
}
