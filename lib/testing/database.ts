/**
 * Databases for integration tests: the real PostgreSQL server when DATABASE_URL is set (CI runs the
 * suite that way), otherwise the embedded PGlite, in memory.
 */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { startEmbeddedDatabase } from "@/prisma/embedded-db";
import { applyMigrations } from "@/prisma/migrate";
import { servePglite } from "@/prisma/pglite-wire-server";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/** A new, empty database: a fresh one on the server, or a fresh in-memory PGlite. */
export async function createEmptyDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
    return { url: embedded.url, drop: embedded.stop };
  }
  return createServerDatabase(serverUrl, "test");
}

/** Names are unique per run: other engineers' runs share the server. */
async function createServerDatabase(serverUrl: string, prefix: string, template?: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return {
    url: databaseUrlOn(serverUrl, name),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * What a test file needs to get a migrated database of its own in a fraction of a second: the name of
 * a migrated template database on the server (copied by `CREATE DATABASE … TEMPLATE`), or a PGlite
 * data folder, migrated once and saved as a tarball (loaded by `PGlite.create({ loadDataDir })`).
 * Passed from the global setup to the test workers, so it is plain data.
 */
export type TestDatabaseTemplate = { kind: "server"; serverUrl: string; name: string } | { kind: "pglite"; dumpFile: string };

/** Migrates a template once per run; `drop` removes it at the end. */
export async function createMigratedTemplate(
  dumpFile: string,
  serverUrl = process.env.DATABASE_URL,
): Promise<{ template: TestDatabaseTemplate; drop: () => Promise<void> }> {
  if (!serverUrl) {
    const db = await PGlite.create("memory://");
    try {
      const server = await servePglite(db, { host: "127.0.0.1", port: 0, maxConnections: 4 });
      try {
        await applyMigrations(`postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`);
      } finally {
        await server.stop();
      }
      const dump = await db.dumpDataDir("none");
      await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
    return { template: { kind: "pglite", dumpFile }, drop: async () => {} };
  }
  const database = await createServerDatabase(serverUrl, "test_template");
  try {
    await applyMigrations(database.url);
    // Made once here, before any test file connects as it.
    await ensureTestAppRole(serverUrl);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { template: { kind: "server", serverUrl, name: new URL(database.url).pathname.slice(1) }, drop: database.drop };
}

/** A migrated database of the caller's own, copied from the run's template; the URL is the owner's. */
export async function cloneTemplate(template: TestDatabaseTemplate): Promise<TestDatabase> {
  if (template.kind === "server") return createServerDatabase(template.serverUrl, "test", template.name);
  const db = await PGlite.create({ loadDataDir: new Blob([await readFile(template.dumpFile)]) });
  const server = await servePglite(db, { host: "127.0.0.1", port: 0, maxConnections: 32 });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`,
    async drop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * The login role the tests' app connections use on a server: a member of `ens_app`, the group role the
 * migrations grant the app's privileges to, as a deployment's app role is. Roles belong to the whole
 * server, so it is made once and shared by every test database (and every run).
 */
const TEST_APP_ROLE = "ens_app_test";

/**
 * Makes TEST_APP_ROLE on the server if it is missing (idempotent). The migrations must have run once on
 * the server before: they create the `ens_app` group role.
 */
export async function ensureTestAppRole(serverUrl: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    // Runs of other engineers share the server: making the role and its membership are serialised.
    await client.query("SELECT pg_advisory_lock(hashtext('ens_app_test role'))");
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_APP_ROLE}') THEN CREATE ROLE ${TEST_APP_ROLE} LOGIN PASSWORD '${TEST_APP_ROLE}'; END IF;
      IF NOT pg_has_role('${TEST_APP_ROLE}', 'ens_app', 'MEMBER') THEN GRANT ens_app TO ${TEST_APP_ROLE}; END IF;
    END $$`);
  });
}

/**
 * The URL the app's code should use on a migrated test database on a server: as TEST_APP_ROLE, so the
 * tests run with the app's privileges rather than the owner's.
 */
export function appRoleUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = TEST_APP_ROLE;
  url.password = TEST_APP_ROLE;
  return url.toString();
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
