package nl.meldspoor.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.platform.eventstore.chain.ChainVerification;
import nl.meldspoor.platform.eventstore.chain.EventChains;
import nl.meldspoor.platform.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Events stored before the hash chain existed get their chain once, in order, from the migration that adds it. */
class EventChainMigrationIT {

    private static final java.util.Map<String, String> NO_RUNTIME_ROLE = java.util.Map.of("runtime_role", "");

    @Test
    void eventsStoredBeforeTheChainExistedAreChainedByTheMigrationAndNewEventsContinueTheirChain() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestPostgres.freshDatabaseUrl(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").placeholders(NO_RUNTIME_ROLE).target("10").load().migrate();
        // Inserted out of order, with a NULL revision and NULL metadata, as older rows may be.
        insert(jdbc, "case-b", 0);
        insert(jdbc, "case-a", 1);
        insert(jdbc, "case-a", 0);
        insert(jdbc, "case-b", 1);
        insert(jdbc, "case-a", 2);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").placeholders(NO_RUNTIME_ROLE).load().migrate();
        insert(jdbc, "case-a", 3);

        EventChains chains = new EventChains(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
        assertThat(chains.verify("case-a")).extracting(ChainVerification::valid, ChainVerification::events).containsExactly(true, 4L);
        assertThat(chains.verify("case-b")).extracting(ChainVerification::valid, ChainVerification::events).containsExactly(true, 2L);
        List<ChainVerification> all = new ArrayList<>();
        chains.verifyAll(all::add);
        assertThat(all).extracting(ChainVerification::aggregateId).containsExactly("case-a", "case-b");
        assertThat(all).allMatch(ChainVerification::valid);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE chain_hash IS NULL", Long.class)).isZero();
    }

    private static void insert(JdbcTemplate jdbc, String aggregate, long sequence) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                        + " payloadrevision, payloadtype, timestamp) VALUES (?, ?, 'MeldcodeCase', ?, NULL, ?, NULL, 'x.Event', '2026-01-01T00:00:00Z')",
                aggregate, sequence, aggregate + "-" + sequence, ("{\"n\":" + sequence + ",\"tekst\":\"é\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
