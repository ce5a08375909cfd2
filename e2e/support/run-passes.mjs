/**
 * `npm run test:e2e` after `next build`: the suite on the embedded database (the quick start's) and,
 * when DATABASE_URL names a PostgreSQL server, on a fresh database of that server, serving the same
 * build. Arguments (spec files, --grep …) go to both passes. Both passes always run to the end, so one
 * run reports both, and the exit code is non-zero if either failed.
 *
 * The two passes run AT THE SAME TIME, each with its own app server port, mail capture ports, data
 * folder and Playwright output folder (e2e/support/environment.ts reads them from the environment).
 * One pass is one app server, one browser and one worker, and leaves one of CI's two cores mostly idle
 * while it waits on the browser or the network: side by side, the two passes take about the time of the
 * longer one instead of their sum (measured: README, "Tests"). Each line a pass prints is tagged with its
 * database. E2E_SERIAL=1 runs them one after the other, untagged, as before.
 *
 * E2E_SPLIT=1 (CI) runs each spec file once instead of twice: alternate files, in name order, on each
 * database, so both databases serve real browser scenarios within CI's time budget. A developer runs both
 * full passes with `DATABASE_URL=… npm run test:e2e`.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createInterface } from "node:readline";
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
// The server pass's database (serve-on-postgres.ts makes it, this script drops it at the end).
const databaseName = process.env.E2E_DATABASE_NAME || "ens_e2e";
// Quoted as is in DROP DATABASE below (environment.ts checks the same for the CREATE).
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseName)) throw new Error(`E2E_DATABASE_NAME: not a plain identifier`);

/** @type {{ name: string, tag: string, env: Record<string, string>, specs: string[] }[]} */
const passes = [{ name: "embedded database (PGlite)", tag: "[pglite]  ", env: { E2E_DATABASE_URL: "" }, specs: half(0) }];
if (serverUrl) {
  passes.push({
    name: "PostgreSQL server",
    tag: "[postgres]",
    env: { E2E_DATABASE_URL: serverUrl, E2E_DATABASE_NAME: databaseName },
    specs: half(1),
  });
}
const concurrent = passes.length > 1 && process.env.E2E_SERIAL !== "1";
if (concurrent) {
  // The PGlite pass keeps its ports and data folder (environment.ts: the variables, else 3100, 2525/2526,
  // .data/e2e) but not its Playwright folders, which each pass empties when it starts; the server pass
  // takes the next free ports and a data folder of its own.
  /** @type {(name: string, fallback: string) => string} */
  const env = (name, fallback) => process.env[name] || fallback;
  /** @type {(name: string, fallback: number, step: number) => string} */
  const next = (name, fallback, step) => String(Number(env(name, String(fallback))) + step);
  Object.assign(passes[0].env, { E2E_OUTPUT_DIR: "test-results/pglite", E2E_REPORT_DIR: "playwright-report/pglite" });
  Object.assign(passes[1].env, {
    E2E_PORT: next("E2E_PORT", 3100, 1),
    SMTP_CAPTURE_PORT: next("SMTP_CAPTURE_PORT", 2525, 2),
    SMTP_CAPTURE_HTTP_PORT: next("SMTP_CAPTURE_HTTP_PORT", 2526, 2),
    E2E_DATA_DIR: `${env("E2E_DATA_DIR", ".data/e2e")}-postgres`,
    E2E_OUTPUT_DIR: "test-results/postgres",
    E2E_REPORT_DIR: "playwright-report/postgres",
  });
}

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
// Playwright stops its web servers (the app, the mail capture) only on SIGINT (measured: on SIGTERM it
// leaves them running). Ctrl+C reaches the passes already (same process group); a SIGTERM to this script
// is passed on to them as SIGINT, and the script waits for them to end.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => children.forEach((child) => child.kill("SIGINT")));

/**
 * Runs one pass; resolves to whether it passed.
 * @param {(typeof passes)[number]} pass
 */
function run(pass) {
  const header = `End-to-end tests on the ${pass.name}${split ? `: ${pass.specs.join(" ")}` : ""}`;
  console.log(`\n${concurrent ? `${pass.tag} ` : ""}${header}`);
  const started = Date.now();
  const child = spawn("playwright", ["test", ...pass.specs, ...args], {
    stdio: concurrent ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, ...pass.env },
  });
  children.add(child);
  if (concurrent) {
    // Whole lines, tagged, so the two passes' output stays readable when it interleaves.
    for (const [stream, out] of /** @type {const} */ ([
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ])) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => out.write(`${pass.tag} ${line}\n`));
    }
  }
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      children.delete(child);
      const passed = code === 0;
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(
        `${concurrent ? `${pass.tag} ` : ""}End-to-end tests on the ${pass.name}: ${passed ? "passed" : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`,
      );
      resolve(passed);
    });
  });
}

const started = Date.now();
/** @type {boolean[]} */
let results = [];
if (concurrent) results = await Promise.all(passes.map(run));
else for (const pass of passes) results.push(await run(pass));

if (passes.length > 1) {
  console.log(
    `\nEnd-to-end tests, ${concurrent ? "both passes at once" : "one pass after the other"}: ${Math.round((Date.now() - started) / 1000)} s`,
  );
  passes.forEach((pass, index) => console.log(`  ${pass.name}: ${results[index] ? "passed" : "FAILED"}`));
}
if (serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await client.end();
}
process.exit(results.every(Boolean) ? 0 : 1);
