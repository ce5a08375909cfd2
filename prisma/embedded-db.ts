/**
 * The embedded PostgreSQL (PGlite, WASM) used when no DATABASE_URL is given: persisted in a folder,
 * or in memory for tests, and served over a local TCP socket so the app speaks to it exactly as it
 * speaks to a real server (one code path: @prisma/adapter-pg). Single-threaded: for a demo, a laptop
 * and tests, not for load.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "./pglite-wire-server";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Options = {
  /** A folder to persist to, or "memory://" for a throwaway database. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** At least the app's pool size plus the migration runner and the seed. */
  maxConnections?: number;
};

export async function startEmbeddedDatabase({ dataDir, port = 0, maxConnections = 32 }: Options): Promise<EmbeddedDatabase> {
  const persistent = !dataDir.startsWith("memory://");
  const lock = persistent ? takeLock(dataDir) : undefined;
  try {
    if (persistent) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir);
    const server = await servePglite(db, { host: "127.0.0.1", port, maxConnections });
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * PGlite corrupts a folder that two processes open at once: refuse to start a second time on the
 * same folder while the first process is alive.
 */
function takeLock(dataDir: string) {
  const file = join(dirname(dataDir), `${dataDir.split("/").pop()}.pid`);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The embedded database in ${dataDir} is already in use by process ${pid}. Stop it first.`);
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, String(process.pid));
  return { release: () => rmSync(file, { force: true }) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
