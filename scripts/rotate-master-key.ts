/**
 * `npm run vault:rotate-master-key`: moves everything the master key protects (each document's data
 * key, each TOTP secret) from OLD_MASTER_KEY to MASTER_KEY. Files are not rewritten. Resumable: run it
 * again after an interruption. See "Rotating the master key" in ARCHITECTURE.md for the procedure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const base64Key = z
  .string()
  .transform((value) => Buffer.from(value, "base64"))
  .refine((key) => key.length === 32, "must be 32 bytes in base64");
const env = z.object({ OLD_MASTER_KEY: base64Key, MASTER_KEY: base64Key }).safeParse(process.env);
if (!env.success) {
  console.error("Set OLD_MASTER_KEY (the key in use until now) and MASTER_KEY (the new one), each 32 random bytes in base64.");
  process.exit(2);
}
const { OLD_MASTER_KEY: oldKey, MASTER_KEY: newKey } = env.data;
if (oldKey.equals(newKey)) {
  console.error("OLD_MASTER_KEY and MASTER_KEY are the same key: nothing to rotate.");
  process.exit(2);
}

// The configured database, or the embedded one of a running `npm start` (it writes its address).
const url = process.env.DATABASE_URL ?? readEmbeddedUrl();
const { createPrismaClient } = await import("@/lib/server/db");
const { rotateMasterKey } = await import("@/lib/server/crypto/rotate-master-key");
const db = createPrismaClient(url, 2);
try {
  const report = await rotateMasterKey(db, { oldKey, newKey });
  console.log(
    `Document keys: ${report.documentKeys.rewrapped} re-wrapped, ${report.documentKeys.alreadyNew} already under the new key. ` +
      `TOTP secrets: ${report.totpSecrets.reencrypted} re-encrypted, ${report.totpSecrets.alreadyNew} already under the new key.`,
  );
} catch (error) {
  console.error(`Stopped: a value opens with neither key (is OLD_MASTER_KEY right?). Nothing after it was changed; run again with the right key. (${(error as Error).name})`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

function readEmbeddedUrl(): string {
  const dataDir = process.env.DATA_DIR ?? ".data";
  try {
    return readFileSync(join(dataDir, "pglite.url"), "utf8").trim();
  } catch {
    console.error(`DATABASE_URL is not set and no embedded database is running (${join(dataDir, "pglite.url")} missing): start the app with npm start, or set DATABASE_URL.`);
    process.exit(2);
  }
}
