// Prisma 7 keeps the connection URL out of schema.prisma. The CLI only needs it for commands that
// talk to a database; the app builds its own client in lib/server/db.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
