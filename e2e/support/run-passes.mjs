/**
 * `npm run test:e2e` after `next build`: the suite on the embedded database (the quick start's), then,
 * when DATABASE_URL names a PostgreSQL server, again on a fresh database of that server, serving the
 * same build. Arguments (spec files, --grep …) go to both passes. Both passes run even when the first
 * fails, so one run reports both.
 *
 * E2E_SPLIT=1 (CI) runs each spec file once instead of twice: alternate files, in name order, on each
 * database. One pass takes most of CI's time budget on a 2-core machine (measured: README, "Tests"),
 * so two full passes would not stay under 20 minutes; with the split both databases serve real
 * browser scenarios and the total stays that of one pass. A developer runs both full passes with
 * `DATABASE_URL=… npm run test:e2e`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import pg from "pg";

const args = process.argv.slice(2);
const serverUrl = process.env.DATABASE_URL;
const split = Boolean(serverUrl) && process.env.E2E_SPLIT === "1" && !args.some((arg) => arg.endsWith(".ts"));
const specs = readdirSync(new URL("..", import.meta.url))
  .filter((name) => name.endsWith(".spec.ts"))
  .sort()
  .map((name) => `e2e/${name}`);
/** @param {0 | 1} parity */
const half = (parity) => (split ? specs.filter((_, index) => index % 2 === parity) : []);

const passes = [{ name: "embedded database (PGlite)", env: { E2E_DATABASE_URL: "" }, specs: half(0) }];
if (serverUrl) passes.push({ name: "PostgreSQL server", env: { E2E_DATABASE_URL: serverUrl }, specs: half(1) });

let failed = false;
for (const pass of passes) {
  console.log(`\nEnd-to-end tests on the ${pass.name}${split ? `: ${pass.specs.join(" ")}` : ""}`);
  const started = Date.now();
  const { status, error } = spawnSync("playwright", ["test", ...pass.specs, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...pass.env },
  });
  if (error) throw error;
  console.log(
    `End-to-end tests on the ${pass.name}: ${status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  failed ||= status !== 0;
}
if (serverUrl) {
  // The database serve-on-postgres.ts made for the pass (one fixed name: see there).
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS "ens_e2e" WITH (FORCE)');
  await client.end();
}
process.exit(failed ? 1 : 0);
