-- A new app waits for review. Its own migration: PostgreSQL refuses to use an enum value in the
-- transaction that added it (SUBMITTED, in the previous migration).
ALTER TABLE "CatalogApp" ALTER COLUMN "status" SET DEFAULT 'SUBMITTED';
