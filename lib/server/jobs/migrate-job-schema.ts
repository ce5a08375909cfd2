import "server-only";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";

/** The schema the job library keeps its tables and functions in. */
export const JOB_SCHEMA = "graphile_worker";

/**
 * Installs or upgrades the job library's schema (its own numbered migrations, recorded in
 * graphile_worker.migrations), then gives the app's role what a worker and an enqueueing request need.
 * Runs with the database migrations, as the tables' owner: the app's role owns nothing and may not
 * create a schema; a worker that starts on an up-to-date schema only reads the migrations table.
 */
export async function migrateJobSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, schema: JOB_SCHEMA, noPreparedStatements: true, logger: errorsOnly });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ens_app') AS exists`);
    if (!rows[0]?.exists) return;
    await client.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ens_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ens_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ens_app;
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ens_app;`);
    // The library turns row-level security on for its private tables, with no policy: only their
    // owner could use them ("new row violates row-level security policy for table _private_tasks",
    // measured on PostgreSQL 15 as the app's role). The app's role may use every row of them.
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity`,
      [JOB_SCHEMA],
    );
    for (const { name } of tables) {
      const table = `${JOB_SCHEMA}.${client.escapeIdentifier(name)}`;
      await client.query(
        `DROP POLICY IF EXISTS ens_app_all ON ${table}; CREATE POLICY ens_app_all ON ${table} TO ens_app USING (true) WITH CHECK (true);`,
      );
    }
  } finally {
    await client.end();
  }
}

/** The migration runner prints its own lines; of the library's, only errors are worth showing. */
const errorsOnly = new Logger(() => (level, message) => {
  if (level === "error") console.error(message);
});
