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

/**
 * The login role the tests' app connections use on a server: a member of `ens_app`, the group role the
 * migrations grant the app's privileges to, as a deployment's app role is. Roles belong to the whole
 * server, so it is made once and shared by every test database (and every run).
 */
const TEST_APP_ROLE = "ens_app_test";

/**
 * The URL the app's code should use on a migrated test database: as TEST_APP_ROLE on a server, so the
 * tests run with the app's privileges rather than the owner's; unchanged on PGlite, which serves one
 * user whatever name a connection gives (measured: the wire server ignores it).
 */
export async function appRoleUrl(databaseUrl: string, serverUrl = process.env.DATABASE_URL): Promise<string> {
  if (!serverUrl) return databaseUrl;
  await withClient(serverUrl, async (client) => {
    // Runs of other engineers share the server: making the role and its membership are serialised.
    await client.query("SELECT pg_advisory_lock(hashtext('ens_app_test role'))");
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_APP_ROLE}') THEN CREATE ROLE ${TEST_APP_ROLE} LOGIN PASSWORD '${TEST_APP_ROLE}'; END IF;
      IF NOT pg_has_role('${TEST_APP_ROLE}', 'ens_app', 'MEMBER') THEN GRANT ens_app TO ${TEST_APP_ROLE}; END IF;
    END $$`);
  });
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
