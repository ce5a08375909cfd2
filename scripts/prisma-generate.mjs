// Generates the Prisma client after install. Prisma 7's CLI wants to download a native schema
// engine at start, which these machines cannot reach; `generate` does not need it, so point the CLI
// at a binary that is never run.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
