/**
 * Databases for integration tests: the real PostgreSQL server when DATABASE_URL is set (CI runs the
 * suite a second time that way), otherwise the embedded PGlite, in memory.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "@/prisma/embedded-db";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/** A new, empty database: a fresh one on the server, or a fresh in-memory PGlite. */
export async function createEmptyDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
