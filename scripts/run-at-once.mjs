/**
 * `node scripts/run-at-once.mjs lint typecheck`: runs those npm scripts at the same time, prints each
 * one's output in one piece when it ends, and exits non-zero when any of them failed (all run to the end,
 * so one run reports every failure). `npm test` uses it for lint and typecheck: each is mostly one busy
 * core, and CI's machine has two.
 */
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) throw new Error("usage: node scripts/run-at-once.mjs <npm script>…");
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];

/** @param {string} script */
function run(script) {
  const started = Date.now();
  // Output is kept until the script ends: interleaved lines of ESLint and tsc would be unreadable.
  const child = spawn(npm[0], [...npm.slice(1), "run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout.on("data", (chunk) => output.push(chunk));
  child.stderr.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const passed = code === 0;
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`\n> ${script}: ${passed ? "passed" : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(passed);
    });
  });
}

const results = await Promise.all(scripts.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
