/**
 * What the figures scripts (bench:web, bench:vault) share to measure a production build: build it when
 * there is none, serve it with `next start` on a free 127.0.0.1 port, wait until it answers, keep the
 * tail of its output to say why when it does not, and stop it at the end.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export type ServedBuild = { child: ChildProcess; output: () => string };

export function nextBin(dir: string): string {
  return join(dir, "node_modules", "next", "dist", "bin", "next");
}

/** `next build` in appDir when asked to or when it holds no build yet; otherwise says how old its build is. */
export function ensureBuild(appDir: string, { rebuild }: { rebuild: boolean }) {
  const buildId = join(appDir, ".next", "BUILD_ID");
  if (!rebuild && existsSync(buildId)) {
    const age = Math.round((Date.now() - statSync(buildId).mtimeMs) / 60_000);
    console.log(`Using the existing production build in ${appDir} (built ${age} min ago; --build to rebuild).`);
    return;
  }
  console.log(`Building ${appDir} (next build) …`);
  const result = spawnSync(process.execPath, [nextBin(appDir), "build"], {
    cwd: appDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * `next start` on 127.0.0.1:port for the build in dir, as the app runs in tests (APP_ENV=test, quiet
 * logs, no telemetry, no NODE_OPTIONS inherited from the script's own loader); `env` adds or overrides
 * the rest (secrets, DATA_DIR, DATABASE_URL, limits). Its last 4,000 characters of output are kept.
 */
export function startNext(dir: string, port: number, env: Record<string, string>): ServedBuild {
  const child = spawn(process.execPath, [nextBin(dir), "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      APP_ENV: "test",
      APP_URL: `http://localhost:${port}`,
      PORT: String(port),
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: "",
      ...env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return { child, output: () => output };
}

/** Resolves once url answers 200 (one minute at the most); throws with the server's output if it exits or never does. */
export async function waitUntilServing(url: string, server: ServedBuild) {
  for (let i = 0; i < 240; i++) {
    if (server.child.exitCode !== null) throw new Error(`next start exited (${server.child.exitCode}):\n${server.output()}`);
    const answer = await fetch(url).catch(() => null);
    await answer?.body?.cancel();
    if (answer?.status === 200) return;
    await sleep(250);
  }
  throw new Error(`${url} did not answer:\n${server.output()}`);
}

/** SIGTERM, then SIGKILL if the process has not gone within five seconds. */
export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  const exited = once(child, "exit");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

export function sleep(ms: number) {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
