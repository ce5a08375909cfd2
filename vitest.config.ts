import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      // Outside Next.js, `server-only` throws on import; tests run server code directly.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["{app,components,lib,prisma,scripts}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**"],
    globalSetup: ["lib/testing/global-setup.ts"],
    environment: "node",
    // Keep test output readable; a test that asserts on logs sets its own level.
    env: { LOG_LEVEL: "silent" },
    // Files run in parallel: each one that uses a database has its own, copied from a migrated template
    // (lib/testing/test-db.ts). Two workers for the two cores CI has; on PGlite each worker also runs
    // its files' databases in its own thread.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
