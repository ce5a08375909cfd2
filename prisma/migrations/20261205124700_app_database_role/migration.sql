-- The app connects as a role that does not own the tables; migrations run as the owner.
--
-- A table's owner can disable its triggers, so while the app connected as the owner, anyone holding
-- the app's database credentials could rewrite or erase the history and the staff log behind the
-- append-only triggers. `ens_app` is a group role (NOLOGIN) holding only what the app needs: read and
-- write every table, but only read and append the history and the staff log (no UPDATE, DELETE or
-- TRUNCATE there), and nothing on the migrations' bookkeeping. Not owning anything, it cannot ALTER a
-- table nor disable a trigger. Deployment grants it to the app's login role:
--     CREATE ROLE sante_app LOGIN PASSWORD '…' IN ROLE ens_app;
-- (README, "Running in production"). Roles belong to the whole server: the role may already exist,
-- made by a DBA or by the migration of another database on the same server.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ens_app') THEN
    BEGIN
      CREATE ROLE ens_app NOLOGIN;
    EXCEPTION
      -- Another database's migration created it at the same moment.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'The role ens_app does not exist and the migrating role may not create it: run CREATE ROLE ens_app NOLOGIN as a role with CREATEROLE, then migrate again.';
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ens_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ens_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ens_app;
REVOKE ALL ON "_prisma_migrations" FROM ens_app;
REVOKE UPDATE, DELETE, TRUNCATE ON "HistoryEntry", "StaffAuditEntry" FROM ens_app;

-- Tables and sequences later migrations create (as this same owner) get the same grants; a migration
-- that adds another append-only table must REVOKE UPDATE, DELETE on it as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ens_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ens_app;
