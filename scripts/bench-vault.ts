/**
 * `npm run bench:vault`: figures for the vault on this machine, printed, not asserted (not part of
 * `npm test` or CI). Against a production build served by `next start` on a free 127.0.0.1 port:
 *  1. one large file (200 MiB by default) streamed to POST /api/uploads: throughput, and the growth of
 *     the server process's resident memory (VmRSS) while it arrives;
 *  2. GET /api/documents?limit=25 for a patient with 10,000 documents, 20 connections at once:
 *     requests/s and latency p50/p95/p99, next to GET /api/ping (no session, no database) measured
 *     the same way in the same run, which shows what Next.js alone costs here;
 *  3. GET /api/fhir/DocumentReference?_count=25 for the same patient through a connected app's bearer
 *     token, measured the same way: the token checked in the database, the app's two rate-limit
 *     counters (lifted for the run so that every call is served, one statement for both), the page,
 *     and the patient's history entry each call appends (unchained: no per-patient lock);
 *  4. both again with the connections spread over as many patients (each its own session and app
 *     token), to show that one patient's lock is not what limits them;
 *  5. the read events the run appended, chained by the pass the history.chain_reads job runs (timed),
 *     and every bench patient's chain verified.
 * Each row shows its requests/s as a share of ping's.
 *
 * The database: a fresh database on the PostgreSQL server named by BENCH_DATABASE_URL (or
 * DATABASE_URL), dropped at the end. Without one, the embedded PGlite in memory, with a warning: it
 * runs one query at a time, so its figures say nothing about a deployment. The vault's files go to a
 * temporary DATA_DIR, removed at the end.
 *
 * Options: --build (run `next build` first; also done when there is no build), --app-dir <dir> (the
 * built app to serve, default this repository), --file-mb, --documents, --connections, --seconds.
 * Everything is bounded (sizes, connections, duration) and stays on 127.0.0.1.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ensureBuild, freePort, sleep, startNext, stopProcess, waitUntilServing } from "./support/serve-build";

const root = resolve(import.meta.dirname, "..");
const MiB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    "app-dir": { type: "string", default: root },
    "file-mb": { type: "string", default: "200" },
    documents: { type: "string", default: "10000" },
    connections: { type: "string", default: "20" },
    seconds: { type: "string", default: "10" },
  },
});
const options = z
  .object({
    build: z.boolean(),
    appDir: z.string().transform((dir) => resolve(dir)),
    fileMb: z.coerce.number().int().min(1).max(290),
    documents: z.coerce.number().int().min(25).max(100_000),
    connections: z.coerce.number().int().min(1).max(100),
    seconds: z.coerce.number().min(1).max(60),
  })
  .parse({ ...values, appDir: values["app-dir"], fileMb: values["file-mb"] });

// The script's own process reads the configuration too (sessions, cookie): same secrets as the server.
const dataDir = await mkdtemp(join(tmpdir(), "bench-vault-"));
const secrets = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  MASTER_KEY: randomBytes(32).toString("base64"),
  // Shared by the server (which seals the read events) and this script (which chains and verifies them).
  HISTORY_KEY: randomBytes(32).toString("base64"),
};
Object.assign(process.env, { APP_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...secrets });
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
delete process.env.DATABASE_URL;

const { createEmptyDatabase } = await import("@/lib/testing/database");
const { applyMigrations } = await import("@/prisma/migrate");
const { createPrismaClient } = await import("@/lib/server/db");
const { enrolTotpWithSecret } = await import("@/lib/server/auth/totp/enrol-totp-with-secret");
const { startPasswordSession, completeSecondFactor } = await import("@/lib/server/auth/sessions/create-session");
const { SESSION_COOKIE } = await import("@/lib/server/auth/session-cookie");
const { encode } = await import("next-auth/jwt");
const { newConnectedApp } = await import("@/lib/testing/catalogue-fixtures");
const { DocumentCategory } = await import("@/lib/generated/prisma/enums");
const { chainPendingHistory } = await import("@/lib/server/history/chain-pending-history");
const { verifyHistoryChain } = await import("@/lib/server/history/verify-history-chain");

type Db = Awaited<ReturnType<typeof createPrismaClient>>;

const cleanups: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

async function main() {
  const warnings: string[] = [];
  if (!serverUrl) {
    warnings.push(
      "No BENCH_DATABASE_URL/DATABASE_URL: the embedded PGlite (one query at a time, in memory) serves this run. These figures are NOT representative of a deployment; use a real PostgreSQL server.",
    );
  }
  ensureBuild(options.appDir, { rebuild: options.build });
  // Client, server and database share the machine: anything else running skews every figure.
  const busy = loadavg()[0];
  if (busy > cpus().length / 2)
    warnings.push(
      `The machine was already busy before the run (load average ${busy.toFixed(1)} on ${cpus().length} CPUs): figures are low.`,
    );

  const database = await createEmptyDatabase(serverUrl);
  cleanups.push(() => database.drop());
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const db = createPrismaClient(database.url, 2);
  cleanups.push(() => db.$disconnect());
  const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT split_part(version(), ' on ', 1) AS version`;

  const { userId, cookie } = await benchPatient(db);
  await insertDocuments(db, userId, options.documents);
  const bearer = await benchAppToken(db, userId);
  // As many other patients as connections, each with a share of the documents, a session and an app.
  const spread: { userId: string; cookie: string; bearer: string }[] = [];
  for (let i = 0; i < options.connections; i++) {
    const other = await benchPatient(db);
    await insertDocuments(db, other.userId, Math.max(25, Math.round(options.documents / options.connections)));
    spread.push({ ...other, bearer: await benchAppToken(db, other.userId) });
  }

  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const server = startNext(options.appDir, port, {
    ...secrets,
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    VAULT_MAX_FILE_MB: "300",
    VAULT_QUOTA_MB: String(Math.max(1024, options.fileMb * 2)),
    // Counted as always, but high enough that the load is served rather than answered 429.
    FHIR_CALLS_PER_MINUTE_PER_CONNECTION: "1000000",
    FHIR_CALLS_PER_MINUTE_PER_CLIENT: "10000000",
  });
  cleanups.push(() => stopProcess(server.child));
  await waitUntilServing(`http://127.0.0.1:${port}/api/health`, server);
  const serverPid = findServerPid(server.child.pid!);

  const headers = { Cookie: cookie };
  if ((await get(port, "/api/ping", {})).status !== 200)
    throw new Error("GET /api/ping did not answer 200: the build predates it; run with --build.");
  const firstPage = await get(port, "/api/documents?limit=25", headers);
  const page = z.object({ items: z.array(z.unknown()), nextCursor: z.string().nullable() }).safeParse(JSON.parse(firstPage.body || "null"));
  if (firstPage.status !== 200 || !page.success || page.data.items.length !== 25) {
    throw new Error(
      `GET /api/documents?limit=25 answered ${firstPage.status} without a page of 25 documents: is the paginated list route in this build?`,
    );
  }

  // Warm the upload route (first compile of its chunks, pools) so that it is not counted as the file's cost.
  await upload(port, appUrl, headers, 1 * MiB);
  await sleep(1000);
  const rssBefore = rssOf(serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(serverPid))), 50);
  const uploaded = await upload(port, appUrl, headers, options.fileMb * MiB);
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, rssOf(serverPid));

  const fhirPath = "/api/fhir/DocumentReference?_count=25";
  const fhirHeaders = { Authorization: `Bearer ${bearer}`, Accept: "application/fhir+json" };
  const fhirPage = await get(port, fhirPath, fhirHeaders);
  const bundle = z
    .object({ resourceType: z.literal("Bundle"), entry: z.array(z.unknown()) })
    .safeParse(JSON.parse(fhirPage.body || "null"));
  if (fhirPage.status !== 200 || !bundle.success || bundle.data.entry.length !== 25) {
    throw new Error(`GET ${fhirPath} answered ${fhirPage.status} without a Bundle of 25 entries: ${fhirPage.body.slice(0, 300)}`);
  }

  const ping = await load(port, "/api/ping", () => ({}));
  const list = await load(port, "/api/documents?limit=25", () => headers);
  const fhir = await load(port, fhirPath, () => fhirHeaders);
  const listSpread = await load(port, "/api/documents?limit=25", (i) => ({ Cookie: spread[i]!.cookie }));
  const fhirSpread = await load(port, fhirPath, (i) => ({ Authorization: `Bearer ${spread[i]!.bearer}`, Accept: "application/fhir+json" }));

  // What the history.chain_reads job then does with the reads the run appended.
  const unchained = await db.historyEntry.count({ where: { sequence: null } });
  const chainStarted = performance.now();
  const chained = await chainPendingHistory(db);
  const chainSeconds = (performance.now() - chainStarted) / 1000;
  const verdicts = await Promise.all([userId, ...spread.map((p) => p.userId)].map((id) => verifyHistoryChain(db, id)));
  const intact = verdicts.filter((verdict) => verdict.intact).length;
  const pct = (result: LoadResult) => result.requests / result.seconds / (ping.requests / ping.seconds);

  const lines = [
    ``,
    `Vault benchmark, ${new Date().toISOString()}`,
    `  machine: ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; database: ${serverUrl ? version : `PGlite (${version})`}`,
    `  server: next start (production build of ${options.appDir}), pid ${serverPid}; the load client runs on the same machine`,
    ``,
    `Upload, POST /api/uploads, one ${options.fileMb} MiB file (JPEG head, random bytes), streamed:`,
    `  ${fmt(uploaded.seconds, 2)} s, ${fmt(options.fileMb / uploaded.seconds, 1)} MiB/s`,
    `  server RSS before ${fmt(rssBefore / MiB, 0)} MiB, peak during ${fmt(rssPeak / MiB, 0)} MiB: growth +${fmt((rssPeak - rssBefore) / MiB, 0)} MiB`,
    ``,
    `Latency, ${options.connections} connections, ${options.seconds} s each after a ${WARM_UP_SECONDS} s warm-up (keep-alive):`,
    `  ${"route".padEnd(52)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)} ${"% ping".padStart(7)}`,
    row("GET /api/ping (no session, no database)", ping, 1),
    row(`GET /api/documents?limit=25 (${options.documents} docs), 1 patient`, list, pct(list)),
    row("GET /api/fhir/DocumentReference?_count=25, 1 patient", fhir, pct(fhir)),
    row(`GET /api/documents?limit=25, ${options.connections} patients`, listSpread, pct(listSpread)),
    row(`GET /api/fhir/DocumentReference?_count=25, ${options.connections} pat.`, fhirSpread, pct(fhirSpread)),
    ``,
    `History: ${unchained} read events appended unchained during the run; chained by the job's pass in ${fmt(chainSeconds, 2)} s`,
    `  (${chained.chained} chained, ${chained.refused} refused); chains verified intact: ${intact} of ${verdicts.length}.`,
    ...warnings.map((warning) => `\nWARNING: ${warning}`),
    ``,
  ];
  console.log(lines.join("\n"));
}

// ---- Set-up ----------------------------------------------------------------------------------

/** A signed-in patient with a full session, as the e2e fixtures make one (e2e/support/accounts.ts). */
async function benchPatient(db: Db): Promise<{ userId: string; cookie: string }> {
  const user = await db.user.create({
    data: {
      email: `bench-${randomUUID()}@bench.localhost`,
      firstName: "Banc",
      lastName: "Essai",
      status: "ACTIVE",
      emailVerifiedAt: new Date(),
    },
    select: { id: true },
  });
  await enrolTotpWithSecret(db, { userId: user.id, secretBase32: "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU" });
  const half = await startPasswordSession(db, { userId: user.id });
  const full = await completeSecondFactor(db, { halfToken: half.token });
  if (!full) throw new Error("Could not open a full session for the bench patient.");
  const value = await encode({ token: { sid: full.token }, secret: secrets.AUTH_SECRET });
  return { userId: user.id, cookie: `${SESSION_COOKIE(false)}=${value}` };
}

/** Metadata-only rows (what the list reads), in one statement; dates and categories spread out. */
async function insertDocuments(db: Db, ownerId: string, count: number) {
  await db.$executeRaw`
    INSERT INTO "Document" ("id", "ownerId", "title", "category", "documentDate", "authorKind", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${ownerId}::uuid, 'Document de test ' || i,
           (ARRAY['PRESCRIPTION','LAB_RESULTS','IMAGING','REPORT','VACCINATION','OTHER'])[1 + i % 6]::"DocumentCategory",
           DATE '2015-01-01' + (i * 7919) % 4000, 'PATIENT'::"AuthorKind",
           now() - make_interval(secs => i), now()
    FROM generate_series(1, ${count}) AS i`;
  await db.$executeRawUnsafe(`ANALYZE "Document"`);
}

/** A listed app the bench patient connected, reading every category; its access token lasts the run. */
async function benchAppToken(db: Db, patientId: string): Promise<string> {
  const scopes = ["launch/patient", "patient/DocumentReference.rs"];
  const { token } = await newConnectedApp(db, {
    patientId,
    scopes,
    categories: Object.values(DocumentCategory),
    app: { name: "Banc d'essai" },
  });
  return token;
}

/** `next start` may run the server in a child process ("next-server"): the biggest of the tree is it. */
function findServerPid(pid: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree.reduce((best, candidate) => (rssOf(candidate) > rssOf(best) ? candidate : best), pid);
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

// ---- Requests --------------------------------------------------------------------------------

function get(port: number, path: string, headers: Record<string, string>, agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolveGet({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** One file as the browser sends it: raw body, metadata in headers, Content-Length, same Origin. */
async function upload(port: number, appUrl: string, headers: Record<string, string>, size: number): Promise<{ seconds: number }> {
  const jpegHead = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb,
    0x00, 0x43, 0x00,
  ]);
  const block = randomBytes(MiB);
  const started = performance.now();
  const request = http.request({
    host: "127.0.0.1",
    port,
    path: "/api/uploads",
    method: "POST",
    headers: {
      ...headers,
      Origin: new URL(appUrl).origin,
      "Content-Type": "application/octet-stream",
      "Content-Length": String(size),
      "X-File-Name": encodeURIComponent("banc-essai.jpg"),
      "X-Document-Title": encodeURIComponent("Banc d'essai"),
      "X-Document-Category": "IMAGING",
      "X-Document-Date": "2026-01-01",
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolveAnswer, reject) => {
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolveAnswer({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    request.on("error", reject);
  });
  let sent = 0;
  while (sent < size) {
    const chunk = sent === 0 ? Buffer.concat([jpegHead, block.subarray(jpegHead.length)]) : block;
    const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
    sent += part.length;
    if (!request.write(part)) await once(request, "drain");
  }
  request.end();
  const answer = await answered;
  const seconds = (performance.now() - started) / 1000;
  if (answer.status !== 201) throw new Error(`Upload answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return { seconds };
}

const WARM_UP_SECONDS = 2;

type LoadResult = { requests: number; seconds: number; latencies: number[]; failed: number };

/** `connections` loops on keep-alive sockets, each sending its next request when the last answered. */
async function load(port: number, path: string, headersFor: (connection: number) => Record<string, string>): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const run = async (seconds: number): Promise<LoadResult> => {
    const latencies: number[] = [];
    let failed = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const loop = async (connection: number) => {
      const headers = headersFor(connection);
      while (performance.now() < deadline) {
        const sent = performance.now();
        const answer = await get(port, path, headers, agent).catch(() => ({ status: 0 }));
        latencies.push(performance.now() - sent);
        if (answer.status < 200 || answer.status >= 300) failed += 1;
      }
    };
    await Promise.all(Array.from({ length: options.connections }, (_, connection) => loop(connection)));
    return {
      requests: latencies.length,
      seconds: (performance.now() - started) / 1000,
      latencies: latencies.sort((a, b) => a - b),
      failed,
    };
  };
  try {
    await run(WARM_UP_SECONDS);
    return await run(options.seconds);
  } finally {
    agent.destroy();
  }
}

function row(label: string, result: LoadResult, ofPing: number): string {
  const at = (p: number) => result.latencies[Math.min(result.latencies.length - 1, Math.floor((p / 100) * result.latencies.length))] ?? NaN;
  const cells = [result.requests / result.seconds, at(50), at(95), at(99)].map((value, i) => fmt(value, i === 0 ? 0 : 1).padStart(8));
  return `  ${label.padEnd(52)} ${cells.join(" ")} ${String(result.failed).padStart(8)} ${`${fmt(ofPing * 100, 0)} %`.padStart(7)}`;
}

function fmt(value: number, digits: number): string {
  return value.toFixed(digits);
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
