package nl.meldspoor.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.meldspoor.platform.eventstore.chain.EventChains;
import nl.meldspoor.platform.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service's runtime role is not the event log's owner: it appends and reads events, and keeps its other
 * tables, but cannot change or remove an event, nor switch off the append-only trigger that guards them.
 */
class EventStoreRolesIT {

    private static final String RUNTIME_ROLE = "cases_runtime";

    private static JdbcTemplate owner;
    private static JdbcTemplate runtime;
    private static DriverManagerDataSource runtimeSource;

    @BeforeAll
    static void migrateAsOwner() {
        String url = TestPostgres.freshDatabaseUrl();
        DriverManagerDataSource ownerSource = new DriverManagerDataSource(url, "postgres", "");
        owner = new JdbcTemplate(ownerSource);
        owner.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE + "') THEN"
                + " CREATE ROLE " + RUNTIME_ROLE + " LOGIN; END IF; END $$");
        Flyway.configure().dataSource(ownerSource).locations("classpath:db/eventstore", "classpath:db/migration")
                .placeholders(Map.of("runtime_role", RUNTIME_ROLE)).load().migrate();
        // The test server's URL names its superuser, and a user in the URL wins over the one given beside it.
        runtimeSource = new DriverManagerDataSource(url.replaceAll("([?&])user=[^&]*&?", "$1"), RUNTIME_ROLE, "");
        runtime = new JdbcTemplate(runtimeSource);
        assertThat(runtime.queryForObject("SELECT current_user", String.class)).isEqualTo(RUNTIME_ROLE);
    }

    private static void append(String aggregate, long sequence) {
        runtime.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, payloadtype, timestamp)"
                        + " VALUES (?, ?, 'MeldcodeCase', ?, ?, 'x.Event', '2026-12-01T10:00:00Z')",
                aggregate, sequence, aggregate + "-" + sequence, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Test
    void theRuntimeRoleAppendsAndReadsEventsAndTheirChainIsComputed() {
        append("case-roles-1", 0);
        append("case-roles-1", 1);

        assertThat(runtime.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'case-roles-1'", Long.class))
                .isEqualTo(2);
        assertThat(new EventChains(runtimeSource, new DataSourceTransactionManager(runtimeSource), Clock.systemUTC())
                .verify("case-roles-1").valid()).isTrue();
    }

    @Test
    void theRuntimeRoleCannotChangeRemoveOrUnguardEvents() {
        append("case-roles-2", 0);
        List<String> attempts = List.of(
                "UPDATE domainevententry SET payload = '\\x00'::bytea WHERE aggregateidentifier = 'case-roles-2'",
                "DELETE FROM domainevententry WHERE aggregateidentifier = 'case-roles-2'",
                "TRUNCATE domainevententry",
                "ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only",
                "ALTER TABLE domainevententry DISABLE TRIGGER ALL",
                "DROP TRIGGER domainevententry_append_only ON domainevententry",
                "ALTER TABLE domainevententry ADD COLUMN forged TEXT",
                "CREATE OR REPLACE FUNCTION refuse_event_rewrite() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
                "UPDATE flyway_schema_history SET success = true");
        for (String attempt : attempts) {
            assertThatThrownBy(() -> runtime.execute(attempt)).as(attempt)
                    .satisfies(refused -> assertThat(sqlState(refused)).as(attempt).isIn("42501", "42P01"));
        }
        assertThat(owner.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'case-roles-2'", Long.class))
                .isEqualTo(1);
        assertThat(owner.queryForObject("SELECT tgenabled FROM pg_trigger WHERE tgname = 'domainevententry_append_only'", String.class))
                .isEqualTo("O");
    }

    @Test
    void theRuntimeRoleKeepsItsOtherTables() {
        runtime.update("INSERT INTO tokenentry (processorname, segment) VALUES ('p', 0)");
        runtime.update("UPDATE tokenentry SET owner = 'node-1' WHERE processorname = 'p'");
        runtime.update("DELETE FROM tokenentry WHERE processorname = 'p'");
        runtime.queryForList("SELECT * FROM case_view");
        runtime.update("INSERT INTO case_view (access_id, case_id, person_id, role, kind, viewed_at) VALUES ('a-1', 'case-r', 'p', 'IB', 'CASE_STATE', now())");
        assertThat(runtime.queryForObject("SELECT views FROM case_view_count WHERE case_id = 'case-r'", Long.class))
                .as("the reads' count, kept by the database as the runtime role stores a read").isEqualTo(1);
    }
}
