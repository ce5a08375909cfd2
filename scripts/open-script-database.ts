/**
 * The database a maintenance command (vault:check, history:verify, vault:rotate-master-key) works on:
 * DATABASE_URL when set. Otherwise the embedded one in DATA_DIR/pglite: if the app is running it
 * holds that folder (PGlite must not be opened twice), so the command connects to the app's socket,
 * whose address `npm start` writes to DATA_DIR/pglite.url; if the app is stopped, the command opens
 * the folder itself for the time of the run (no migration applied: such a command never changes the
 * schema). Null when there is no database at all (the message is printed).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "@/lib/server/config";
import { startEmbeddedDatabase } from "@/prisma/embedded-db";

export type ScriptDatabase = { url: string; close: () => Promise<void> };

export async function openScriptDatabase(
  config: Pick<AppConfig, "databaseUrl" | "dataDir">,
  { maxConnections }: { maxConnections: number },
): Promise<ScriptDatabase | null> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => {} };
  const folder = join(config.dataDir, "pglite");
  if (!existsSync(folder)) {
    console.error(`No DATABASE_URL and no embedded database in ${folder} (start the app once with npm start).`);
    return null;
  }
  try {
    const embedded = await startEmbeddedDatabase({ dataDir: folder, maxConnections });
    console.log(`Embedded database opened from ${folder} (the app is not running).`);
    return { url: embedded.url, close: embedded.stop };
  } catch (error) {
    if (!(error instanceof Error && /already in use/.test(error.message))) throw error;
    console.log("Embedded database reached through the running app.");
    return { url: readFileSync(join(config.dataDir, "pglite.url"), "utf8").trim(), close: async () => {} };
  }
}
