-- The service's runtime role is not the owner of its tables. Flyway runs as the owner (spring.flyway.user);
-- the service connects as ${runtime_role} (spring.datasource.username), which may read and write its read
-- models, tokens and keys but may only INSERT and SELECT the event log: no UPDATE, DELETE or TRUNCATE, and as a
-- non-owner it cannot ALTER the table, disable or drop the append-only and chain triggers, or replace their
-- functions. So the service's own credentials cannot rewrite history; only the owner's can, and the hash chain
-- shows it when they do.
--
-- Repeatable: Flyway runs it again whenever the runtime role (the placeholder) changes. With no runtime role
-- configured (one role for everything, as in tests) it does nothing.
DO $$
DECLARE
    runtime TEXT := '${runtime_role}';
BEGIN
    IF runtime = '' THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
    -- Tables of later migrations (read models of the services) are the runtime role's to write as well.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', runtime);
    -- The event log: append and read only.
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON domainevententry FROM %I', runtime);
    -- Flyway's history is the owner's.
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', runtime);
    END IF;
END;
$$;
