/**
 * `npm run vault:rotate-master-key`: moves everything the master key protects (each document's data
 * key, each TOTP secret) from OLD_MASTER_KEY to MASTER_KEY. Files are not rewritten. Resumable: run it
 * again after an interruption. See "Rotating the master key" in ARCHITECTURE.md for the procedure.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { openScriptDatabase } from "./open-script-database";

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

const { ConfigError, parseConfig } = await import("@/lib/server/config");
const { createPrismaClient } = await import("@/lib/server/db");
const { rotateMasterKey } = await import("@/lib/server/crypto/rotate-master-key");

async function main(): Promise<number> {
  const database = await openScriptDatabase(parseConfig(process.env, resolve(import.meta.dirname, "..")), { maxConnections: 2 });
  if (!database) return 2;
  const db = createPrismaClient(database.url, 2);
  try {
    const report = await rotateMasterKey(db, { oldKey, newKey });
    console.log(
      `Document keys: ${report.documentKeys.rewrapped} re-wrapped, ${report.documentKeys.alreadyNew} already under the new key. ` +
        `TOTP secrets: ${report.totpSecrets.reencrypted} re-encrypted, ${report.totpSecrets.alreadyNew} already under the new key.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    console.error(
      `Stopped: a value opens with neither key (is OLD_MASTER_KEY right?). Nothing after it was changed; run again with the right key. (${(error as Error).name})`,
    );
    return 1;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
