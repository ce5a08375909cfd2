/**
 * `npm run test:e2e` after `next build`: the suite on the embedded database (the quick start's), then,
 * when DATABASE_URL names a PostgreSQL server (CI, or a developer who has one), the same suite again on
 * a fresh database of that server, serving the same build. Arguments (spec files, --grep …) go to both
 * passes. Both passes run even when the first fails, so one CI run reports both.
 */
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const passes = [{ name: "embedded database (PGlite)", env: { E2E_DATABASE_URL: "" } }];
if (process.env.DATABASE_URL) passes.push({ name: "PostgreSQL server", env: { E2E_DATABASE_URL: process.env.DATABASE_URL } });

let failed = false;
for (const pass of passes) {
  console.log(`\nEnd-to-end tests on the ${pass.name}`);
  const started = Date.now();
  const { status, error } = spawnSync("playwright", ["test", ...args], { stdio: "inherit", env: { ...process.env, ...pass.env } });
  if (error) throw error;
  console.log(`End-to-end tests on the ${pass.name}: ${status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
