/**
 * `npm start` (and `npm run dev` with --dev): everything a newcomer needs in one command.
 *  1. validate the configuration (a wrong variable stops here, named);
 *  2. without DATABASE_URL, start the embedded PostgreSQL persisted in DATA_DIR/pglite;
 *  3. apply pending migrations (as DATABASE_MIGRATION_URL, the tables' owner, when given), warn when
 *     the app's own connection owns the tables, then seed the demo data (idempotent) unless told not to;
 *  4. build the app when no build exists or the sources changed since (production build only);
 *  5. run `next start` (or `next dev`) and print where to go and how to sign in.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/prisma/embedded-db";
import { applyMigrations } from "@/prisma/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoData } from "@/prisma/seed";
import { ConfigError, parseConfig } from "@/lib/server/config";
import { createPrismaClient } from "@/lib/server/db";
import { createStorage } from "@/lib/server/storage/create-storage";

const root = resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
// The end-to-end web servers (`npm run test:e2e` has just built): two passes at once must not both
// rebuild the shared .next because a file changed since.
const noBuild = process.argv.includes("--no-build");
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

async function main() {
  const config = parseConfig(process.env, root);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: join(config.dataDir, "pglite"), maxConnections: config.dbPoolSize + 8 });
    databaseUrl = embedded.url;
    // For tools on this machine (the end-to-end fixtures) that need the same database; it changes each start.
    writeFileSync(join(config.dataDir, "pglite.url"), databaseUrl, { mode: 0o600 });
    console.log(`Embedded PostgreSQL (PGlite) in ${join(config.dataDir, "pglite")}`);
  }

  const { applied, alreadyApplied } = await applyMigrations((!embedded && config.databaseMigrationUrl) || databaseUrl, {
    log: (line) => console.log(line),
  });
  console.log(`Migrations: ${applied.length} applied, ${alreadyApplied} already in place.`);
  // PGlite serves a single user whatever a connection asks (measured): the quick start runs as owner.
  if (!embedded) await warnIfAppOwnsTables(databaseUrl);
  if (config.seedDemoData) {
    const db = createPrismaClient(databaseUrl, 2);
    try {
      const seeded = await seedDemoData(db, { storage: createStorage(config.storage), masterKey: config.masterKey });
      console.log(`Demo data: ${seeded.users} accounts, ${seeded.documents} documents, ${seeded.apps} catalogue apps.`);
    } finally {
      await db.$disconnect();
    }
  }

  if (!dev && !noBuild && needsBuild()) {
    console.log("Building the app (first start, or the sources changed) …");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(config.port)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: config.dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = async (code: number) => {
    child.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));

  await waitUntilServing(`http://127.0.0.1:${config.port}/api/health`);
  printBanner(config.appUrl, config.seedDemoData);
}

/**
 * The tables' owner can disable the history's append-only triggers; the app must connect as a member
 * of `ens_app` that owns nothing (README, "Running in production"). Said at every start, not refused:
 * a deployment from before the role separation keeps running while its operator sets the roles up.
 */
async function warnIfAppOwnsTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ owns: boolean }>(
      `SELECT pg_has_role(current_user, tableowner, 'USAGE') AS owns FROM pg_tables WHERE tablename = 'HistoryEntry'`,
    );
    if (rows[0]?.owns) {
      console.warn(
        "WARNING: DATABASE_URL connects as the owner of the tables (or a superuser), who can disable the history's triggers. " +
          "Connect the app as a member of the ens_app role and give the owner's URL as DATABASE_MIGRATION_URL.",
      );
    }
  } finally {
    await client.end();
  }
}

/** A production build is stale when any source file is newer than it. */
function needsBuild(): boolean {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];
  const newer = (path: string): boolean => {
    if (!existsSync(path) || path.endsWith(join("lib", "generated"))) return false;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return readdirSync(path).some((name) => newer(join(path, name)));
  };
  return sources.some((source) => newer(join(root, source)));
}

async function waitUntilServing(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer on ${url}`);
}

function printBanner(appUrl: string, seeded: boolean) {
  const lines = [``, `  Espace numérique de santé is running: ${appUrl}`];
  if (seeded) {
    lines.push(``, `  Demo accounts (password for all: ${DEMO_PASSWORD})`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.key.padEnd(10)} ${account.email}`);
    lines.push(
      ``,
      `  Second step: a code from any authenticator app (FreeOTP, Aegis, Google Authenticator …) holding`,
      `  the demo TOTP secret ${DEMO_TOTP_SECRET}, or: oathtool --totp -b ${DEMO_TOTP_SECRET}`,
    );
  }
  lines.push(``, `  Stop with Ctrl+C. Data is kept in the .data folder between starts.`, ``);
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
