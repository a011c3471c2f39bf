#!/bin/sh
# Runs init-databases.sql once, on the first start of the PostgreSQL container, with each service's database
# passwords from the environment (.env next to docker-compose.yml) as psql variables.
set -eu
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v cases_owner_password="$CASE_SERVICE_DB_OWNER_PASSWORD" \
  -v cases_runtime_password="$CASE_SERVICE_DB_RUNTIME_PASSWORD" \
  -v signals_owner_password="$SIGNAL_SERVICE_DB_OWNER_PASSWORD" \
  -v signals_runtime_password="$SIGNAL_SERVICE_DB_RUNTIME_PASSWORD" \
  -v web_sessions_password="$WEB_DB_PASSWORD" \
  -f /meldspoor/init-databases.sql
