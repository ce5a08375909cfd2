/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (a deployment step). */
import { applyMigrations } from "@/prisma/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: the PostgreSQL server to migrate.");
  process.exit(2);
}
const { applied, alreadyApplied } = await applyMigrations(url, { log: console.log });
console.log(`${applied.length} applied, ${alreadyApplied} already in place.`);
