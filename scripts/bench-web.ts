/**
 * `npm run bench:web`: Lighthouse figures for the pages, printed, not asserted (not part of `npm test`
 * or CI). In one run, on this machine:
 *  1. the app's production build (built first when there is none, or with --build) served by
 *     `next start` on a free 127.0.0.1 port, on a fresh database holding the demo data (embedded PGlite
 *     in memory, or a new database on BENCH_DATABASE_URL's server, dropped at the end);
 *  2. a bare Next.js page (one heading, one paragraph) built with this project's own `next` in a
 *     temporary folder and served the same way: what Next.js alone costs here, so that the app's
 *     scores can be read against a baseline measured under the same machine load;
 *  3. Lighthouse's default (mobile) profile, performance and accessibility, on the bare page, `/`,
 *     `/connexion`, `/catalogue`, then `/documents` and `/espace` signed in as the demo patient (a full
 *     session opened with the app's own session services, as the e2e fixtures do, sent as a cookie).
 * Lighthouse drives the Chromium named by CHROME_PATH (default /usr/bin/chromium, the e2e tests' one).
 * Everything stays on 127.0.0.1 and stops by itself; temporary folders are removed at the end.
 *
 * Options: --build (run `next build` on the app first), --app-dir <dir> (the built app, default this
 * repository), --runs <n> (Lighthouse runs per page, the median by performance score is kept; default 1).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { z } from "zod";
import { ensureBuild, freePort, nextBin, sleep, startNext, stopProcess, waitUntilServing } from "./support/serve-build";

const root = resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    "app-dir": { type: "string", default: root },
    runs: { type: "string", default: "1" },
  },
});
const options = z
  .object({
    build: z.boolean(),
    appDir: z.string().transform((dir) => resolve(dir)),
    runs: z.coerce.number().int().min(1).max(5),
  })
  .parse({ ...values, appDir: values["app-dir"] });
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";

// The script's own process reads the configuration too (session cookie, seed): same secrets as the server.
const workDir = await mkdtemp(join(tmpdir(), "bench-web-"));
const dataDir = join(workDir, "data");
const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), MASTER_KEY: randomBytes(32).toString("base64") };
Object.assign(process.env, { APP_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...secrets });
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
delete process.env.DATABASE_URL;

const { createEmptyDatabase } = await import("@/lib/testing/database");
const { applyMigrations } = await import("@/prisma/migrate");
const { DEMO_ACCOUNTS, seedDemoData } = await import("@/prisma/seed");
const { parseConfig } = await import("@/lib/server/config");
const { createPrismaClient } = await import("@/lib/server/db");
const { createStorage } = await import("@/lib/server/storage/create-storage");
const { startPasswordSession, completeSecondFactor } = await import("@/lib/server/auth/sessions/create-session");
const { SESSION_COOKIE } = await import("@/lib/server/auth/session-cookie");
const { encode } = await import("next-auth/jwt");

type Db = ReturnType<typeof createPrismaClient>;
type Page = { label: string; url: string; cookie?: string };
type Figures = {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scriptBytes: number;
  failing: string[];
};

const cleanups: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true })];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

async function main() {
  if (!existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath}: install it (apt-get install chromium) or set CHROME_PATH.`);
  const loadBefore = loadavg()[0];
  ensureBuild(options.appDir, { rebuild: options.build });
  const bareDir = buildBarePage();

  const database = await createEmptyDatabase(serverUrl);
  cleanups.push(() => database.drop());
  await applyMigrations(database.url);
  const db = createPrismaClient(database.url, 2);
  cleanups.push(() => db.$disconnect());
  const config = parseConfig(process.env, options.appDir);
  await seedDemoData(db, { storage: createStorage(config.storage), masterKey: config.masterKey });
  const cookie = await demoPatientCookie(db);

  const [appPort, barePort, debugPort] = [await freePort(), await freePort(), await freePort()];
  const serverEnv = { ...secrets, DATA_DIR: dataDir };
  const app = startNext(options.appDir, appPort, { ...serverEnv, DATABASE_URL: database.url });
  cleanups.push(() => stopProcess(app.child));
  const bare = startNext(bareDir, barePort, serverEnv);
  cleanups.push(() => stopProcess(bare.child));
  await waitUntilServing(`http://127.0.0.1:${appPort}/api/health`, app);
  await waitUntilServing(`http://127.0.0.1:${barePort}/`, bare);

  const appUrl = `http://localhost:${appPort}`;
  const pages: Page[] = [
    { label: "bare Next.js page", url: `http://localhost:${barePort}/` },
    { label: "/", url: `${appUrl}/` },
    { label: "/connexion", url: `${appUrl}/connexion` },
    { label: "/catalogue", url: `${appUrl}/catalogue` },
    { label: "/documents (signed in)", url: `${appUrl}/documents`, cookie },
    { label: "/espace (signed in)", url: `${appUrl}/espace`, cookie },
  ];
  // A page must answer 200 as itself (not a redirect to /connexion) before it is worth measuring; this
  // also warms each route, as a visitor after the first one would find it.
  for (const page of pages) {
    const answer = await fetch(page.url, { headers: page.cookie ? { Cookie: page.cookie } : {}, redirect: "manual" });
    if (answer.status !== 200) throw new Error(`${page.label} answered ${answer.status}: the session or the build is not right.`);
  }

  const chrome = await startChrome(debugPort);
  cleanups.push(() => stopProcess(chrome));
  const results: [Page, Figures][] = [];
  for (const page of pages) {
    console.log(`Lighthouse: ${page.label} …`);
    const runs: Figures[] = [];
    for (let i = 0; i < options.runs; i++) runs.push(await measure(page, debugPort));
    runs.sort((a, b) => a.performance - b.performance);
    results.push([page, runs[Math.floor(runs.length / 2)]]);
  }
  printTable(results, loadBefore);
}

// ---- Set-up ----------------------------------------------------------------------------------

/**
 * The baseline: the smallest App Router page, built by the same `next` (the project's node_modules,
 * linked) in plain JSX so that the build has no type check to do.
 */
function buildBarePage(): string {
  const dir = join(workDir, "bare");
  mkdirSync(join(dir, "app"), { recursive: true });
  symlinkSync(join(options.appDir, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare-next-page", private: true, type: "module" }));
  // The linked node_modules lies outside the folder: Turbopack must be told the filesystem root it may read.
  writeFileSync(join(dir, "next.config.mjs"), `export default { turbopack: { root: "/" }, poweredByHeader: false };\n`);
  writeFileSync(
    join(dir, "app", "layout.jsx"),
    `export const metadata = { title: "Bare page", description: "A bare Next.js page" };\n` +
      `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(
    join(dir, "app", "page.jsx"),
    `export default function Page() {\n  return (<main><h1>Bare page</h1><p>The smallest Next.js page, measured next to the app.</p></main>);\n}\n`,
  );
  console.log(`Building the bare Next.js page in ${dir} …`);
  const result = spawnSync(process.execPath, [nextBin(dir), "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build of the bare page failed");
  return dir;
}

/** The demo patient (prisma/seed.ts) with a full session, as after password and second factor. */
async function demoPatientCookie(db: Db): Promise<string> {
  const email = DEMO_ACCOUNTS.find((account) => account.key === "patient")!.email;
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const half = await startPasswordSession(db, { userId: user.id });
  const full = await completeSecondFactor(db, { halfToken: half.token });
  if (!full) throw new Error("Could not open a full session for the demo patient.");
  const value = await encode({ token: { sid: full.token }, secret: secrets.AUTH_SECRET });
  return `${SESSION_COOKIE(false)}=${value}`;
}

/** Headless Chromium with the flags the closed network needs (toolchain notes), a throwaway profile. */
async function startChrome(port: number): Promise<ChildProcess> {
  const child = spawn(
    chromePath,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${join(workDir, "chrome")}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode})`);
    if ((await fetch(`http://127.0.0.1:${port}/json/version`).catch(() => null))?.ok) return child;
    await sleep(250);
  }
  throw new Error("Chromium did not open its debugging port.");
}

// ---- Measure ---------------------------------------------------------------------------------

async function measure(page: Page, port: number): Promise<Figures> {
  const result = await lighthouse(page.url, {
    port,
    logLevel: "error",
    output: "json",
    onlyCategories: ["performance", "accessibility"],
    extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.label}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.label}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const summary = z
    .object({ items: z.array(z.object({ resourceType: z.string(), transferSize: z.number() })) })
    .parse(lhr.audits["resource-summary"]?.details);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  // The accessibility audits that did not pass, so that a score below 100 says what to fix.
  const failing = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    scriptBytes: summary.items.find((item) => item.resourceType === "script")?.transferSize ?? 0,
    failing,
  };
}

function printTable(results: [Page, Figures][], loadBefore: number) {
  const head = ["page", "perf", "a11y", "LCP s", "TBT ms", "CLS", "script KB"];
  const widths = [26, 6, 6, 7, 8, 6, 10];
  const line = (cells: string[]) => "  " + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" ");
  const lines = [
    ``,
    `Web pages benchmark (Lighthouse, mobile profile), ${new Date().toISOString()}`,
    `  machine: ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
    `  app: next start (production build of ${options.appDir}), ${serverUrl ? "PostgreSQL" : "embedded PGlite"} with the demo data; ${options.runs} run(s) a page, median kept`,
    ``,
    line(head),
    ...results.map(([page, f]) =>
      line([
        page.label,
        String(f.performance),
        String(f.accessibility),
        (f.lcpMs / 1000).toFixed(2),
        f.tbtMs.toFixed(0),
        f.cls.toFixed(3),
        (f.scriptBytes / 1024).toFixed(1),
      ]),
    ),
    ``,
    `  targets: performance >= 95 or within 3 points of the bare page; accessibility 100; LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.1`,
    ...results
      .filter(([, f]) => f.failing.length > 0)
      .map(([page, f]) => `  ${page.label}: accessibility audits failing: ${f.failing.join(", ")}`),
  ];
  if (loadBefore > cpus().length / 2)
    lines.push(
      ``,
      `WARNING: the machine was already busy (load average ${loadBefore.toFixed(1)} on ${cpus().length} CPUs): read the app next to the bare page.`,
    );
  console.log(lines.join("\n"));
}

try {
  await main();
  await cleanUp();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await cleanUp();
  process.exit(1);
}
