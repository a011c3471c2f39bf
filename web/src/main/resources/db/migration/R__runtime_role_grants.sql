-- The web application may connect as a runtime role that does not own its tables (the embedded engines' PostgreSQL
-- always does: Flyway runs as meldspoor_owner, the sessions as meldspoor_runtime). That role reads and writes the
-- sessions and nothing else; Flyway's history is the owner's.
--
-- Repeatable: Flyway runs it again whenever the runtime role (the placeholder) changes. With no runtime role
-- configured (one role for everything) it does nothing.
DO $$
DECLARE
    runtime TEXT := '${runtime_role}';
BEGIN
    IF runtime = '' THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session, spring_session_attributes TO %I', runtime);
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', runtime);
    END IF;
END;
$$;
