-- Each write service has its own database and two roles of its own (run once, by init-databases.sh, on the
-- first start of the PostgreSQL container; the passwords are psql variables from the environment, never here):
--   <db>_owner    owns the database, its schema and tables; the service's Flyway connects as it
--                 (SPRING_FLYWAY_USER/PASSWORD) to migrate;
--   <db>_runtime  is what the service connects as (SPRING_DATASOURCE_USERNAME/PASSWORD); Flyway's repeatable
--                 R__runtime_role_grants.sql (MELDSPOOR_DB_RUNTIME_ROLE) lets it INSERT and SELECT the event log
--                 only — no UPDATE, DELETE, TRUNCATE or ALTER, so it cannot switch off the append-only and chain
--                 triggers — and read and write the service's other tables.
-- No role is a superuser, may create roles or databases, nor connect to the other service's database.

CREATE ROLE cases_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'cases_owner_password';
CREATE ROLE cases_runtime LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'cases_runtime_password';
CREATE ROLE signals_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'signals_owner_password';
CREATE ROLE signals_runtime LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'signals_runtime_password';
-- The web application keeps only its sessions (Spring Session JDBC) in a database of its own.
CREATE ROLE web_sessions LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'web_sessions_password';

CREATE DATABASE cases OWNER cases_owner;
CREATE DATABASE signals OWNER signals_owner;
CREATE DATABASE web OWNER web_sessions;

-- Every role may connect to every database unless told otherwise: only the service's own roles may.
REVOKE ALL ON DATABASE cases FROM PUBLIC;
GRANT CONNECT ON DATABASE cases TO cases_runtime;
REVOKE ALL ON DATABASE signals FROM PUBLIC;
GRANT CONNECT ON DATABASE signals TO signals_runtime;
REVOKE ALL ON DATABASE web FROM PUBLIC;
GRANT CONNECT ON DATABASE web TO web_sessions;

\connect cases
-- The schema is the owner's (pg_database_owner); the runtime role gets its rights from the service's migrations.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO cases_runtime;

\connect signals
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO signals_runtime;
