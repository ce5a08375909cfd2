/**
 * `npm run db:migrate`: apply pending migrations (a deployment step), as the tables' owner:
 * DATABASE_MIGRATION_URL, else DATABASE_URL. The app then connects as DATABASE_URL, a member of the
 * `ens_app` role the migrations grant its privileges to (README, "Running in production").
 */
import { applyMigrations } from "@/prisma/migrate";

const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_MIGRATION_URL (the tables' owner) or DATABASE_URL is required: the PostgreSQL server to migrate.");
  process.exit(2);
}
const { applied, alreadyApplied } = await applyMigrations(url, { log: console.log });
console.log(`${applied.length} applied, ${alreadyApplied} already in place.`);
