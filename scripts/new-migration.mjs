#!/usr/bin/env node
// Authors a new migration offline: `npm run db:migration:new -- add_sessions`.
//
// Prisma 7's `migrate dev` needs a native schema engine that these machines cannot download, so the
// SQL is produced by Prisma 6.19's WASM schema engine (installed once, from the npm registry, into the
// git-ignored .data/tools folder), diffing the last migrated schema (prisma/schema.migrated.prisma)
// against prisma/schema.prisma. No database is touched. Review the SQL before committing it.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name in snake_case>");
  process.exit(2);
}

const toolDir = join(root, ".data", "tools", "prisma6");
const PRISMA6 = "6.19.3";
if (!existsSync(join(toolDir, "node_modules", "prisma", "package.json"))) {
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(join(toolDir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  console.log(`Installing Prisma ${PRISMA6} (migration authoring only) into ${toolDir} …`);
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", `prisma@${PRISMA6}`, `@prisma/adapter-pg@${PRISMA6}`, "pg"],
    { cwd: toolDir, stdio: "inherit" },
  );
}

// Prisma 6 wants `url` in the datasource block, Prisma 7 forbids it: diff temporary copies.
/** @param {string} src */
const withUrl = (src) =>
  src.replace(/datasource db \{([^}]*)\}/, (_m, /** @type {string} */ body) => `datasource db {${body}  url = env("DATABASE_URL")\n}`);
const work = join(toolDir, "work");
mkdirSync(work, { recursive: true });
const current = join(root, "prisma", "schema.prisma");
const snapshot = join(root, "prisma", "schema.migrated.prisma");
writeFileSync(join(work, "to.prisma"), withUrl(readFileSync(current, "utf8")));
const from = existsSync(snapshot) ? ["--from-schema-datamodel", join(work, "from.prisma")] : ["--from-empty"];
if (existsSync(snapshot)) writeFileSync(join(work, "from.prisma"), withUrl(readFileSync(snapshot, "utf8")));
writeFileSync(
  join(work, "prisma.config.mjs"),
  `import { PrismaPg } from "@prisma/adapter-pg";
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
};
`,
);

// The adapter connects before diffing even though a schema-to-schema diff reads no database:
// give it a throwaway in-memory PGlite.
const pglite = new PGlite("memory://");
const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
await server.start();
const scratchUrl = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
let sql;
try {
  ({ stdout: sql } = await promisify(execFile)(
    join(toolDir, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", join(work, "to.prisma"), "--script", "--config", join(work, "prisma.config.mjs")],
    {
      cwd: work,
      encoding: "utf8",
      env: {
        ...process.env,
        // Never download engines: the WASM schema engine does the work.
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        DATABASE_URL: scratchUrl,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    },
  ));
} finally {
  await server.stop();
  await pglite.close();
}
if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
  console.log("schema.prisma has no change since the last migration: nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(root, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
copyFileSync(current, snapshot);
console.log(`Wrote ${dir}/migration.sql and updated prisma/schema.migrated.prisma. Review the SQL, then commit both.`);
