/**
 * The app under test on a PostgreSQL server instead of the embedded database (the e2e suite's second
 * pass in CI, `E2E_DATABASE_URL`): a fresh database, migrated as its owner, then `scripts/start.ts`
 * serving it as a production deployment does: the app connects as a member of `ens_app` that owns
 * nothing, the migrations run as the owner (DATABASE_MIGRATION_URL), the demo data is seeded.
 *
 * One database name per pass (E2E_DATABASE_NAME, `ens_e2e` unless overridden): a run killed before it
 * could drop its database leaves only that one, recreated by the next run with the same name.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { applyMigrations } from "@/prisma/migrate";
import { appRoleUrl, ensureTestAppRole, withClient } from "@/lib/testing/database";
import { E2E_DATA_DIR, E2E_DATABASE_NAME, E2E_DATABASE_URL_FILE } from "./environment";

const serverUrl = process.env.E2E_DATABASE_URL;
if (!serverUrl) throw new Error("E2E_DATABASE_URL (a PostgreSQL server, as its superuser) is not set.");

await withClient(serverUrl, async (client) => {
  await client.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE_NAME}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${E2E_DATABASE_NAME}"`);
});
const ownerUrl = new URL(serverUrl);
ownerUrl.pathname = `/${E2E_DATABASE_NAME}`;
// The migrations make the `ens_app` group role the app's login role must belong to.
await applyMigrations(ownerUrl.toString());
await ensureTestAppRole(serverUrl);
const appUrl = appRoleUrl(ownerUrl.toString());

// For the fixtures, which make their accounts in the same database (support/accounts.ts).
mkdirSync(E2E_DATA_DIR, { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, appUrl, { mode: 0o600 });

const app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: ownerUrl.toString() },
});
const stop = () => app.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", (code) => process.exit(code ?? 1));
