package nl.meldspoor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.platform.privacy.KeyWrapping;
import nl.meldspoor.platform.privacy.PersonalDataKeys;
import nl.meldspoor.platform.privacy.PersonalDataSerializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The loader on the case-service's own schema (its Flyway migrations, the hash-chain trigger included), without the
 * services: what it stores is what the service stores. The read side's view of a loaded board (Kafka, the dossier) is
 * proven by {@link BenchIT}'s smoke run, which loads through it.
 */
class StoreLoaderIT {

    private static EmbeddedPostgres postgres;
    private static String url;
    private static final String KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        url = migrated("cases");
    }

    /** A database with the case-service's schema, as its Flyway migrations make it. */
    private static String migrated(String database) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String databaseUrl = postgres.getJdbcUrl("postgres", database);
        Flyway.configure().dataSource(databaseUrl, "postgres", "").locations("classpath:db/eventstore", "classpath:db/migration").outOfOrder(true)
                .placeholders(Map.of("runtime_role", "")).load().migrate();
        return databaseUrl;
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /**
     * Opt-in ({@code -Dbench.loader.schools=N}): the loader's own rate on the embedded PostgreSQL without the services,
     * beside raw JDBC batch inserts of as many rows into the same server. Prints the figures; asserts no timing.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.loader.schools", matches = "\\d+")
    void theLoadersRateBesideRawBatchInserts() throws Exception {
        BenchSettings size = BenchSettings.fromSystemProperties();
        BenchSettings settings = new BenchSettings("loader", Integer.getInteger("bench.loader.schools"), Integer.getInteger("bench.loader.years", 1),
                0, 0, 0, 14, 1, 0, 0, 0, 0, 0, "", "store", size.storeCasesPerSchoolYear());
        String board = migrated("board");
        long started = System.nanoTime();
        long events;
        long cases;
        String timings;
        try (StoreLoader loader = new StoreLoader(board, KEY_ENCRYPTION_KEY)) {
            events = loader.load(settings, settings.storeCasesPerSchoolYear());
            cases = loader.cases();
            timings = loader.timings();
        }
        System.out.println("store loader's time: " + timings);
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE raw");
        }
        RawJdbc raw = new RawJdbc(postgres.getJdbcUrl("postgres", "raw"), null);
        raw.prepare();
        double rawRate = raw.batchInserts((int) events, 2_000);
        System.out.printf("store loader: %d cases, %d events in %.1f s: %.0f events/s; raw JDBC batch insert of %d rows (2,000 a transaction): "
                + "%.0f rows/s; ratio %.2f%n", cases, events, seconds, events / seconds, events, rawRate, events / seconds / rawRate);
        assertThat(events).isGreaterThan(0);
    }

    @Test
    void everyPatternLoadsThroughTheAggregateSealedChainedAndDatedInThePast() throws Exception {
        Instant opened = Instant.now().minus(Duration.ofDays(700));
        List<StoreLoader.LoadedCase> cases = new ArrayList<>();
        try (StoreLoader loader = new StoreLoader(url, KEY_ENCRYPTION_KEY)) {
            for (int pattern = 0; pattern < Board.CASE_PATTERNS; pattern++) {
                cases.add(loader.load("bs-001", "bs-002", pattern, SignalCategory.HOME_SITUATION, opened.plus(Duration.ofDays(pattern))));
            }
        }
        long expectedEvents = cases.stream().mapToLong(StoreLoader.LoadedCase::events).sum();

        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement sql = connection.createStatement()) {
            ResultSet rows = sql.executeQuery("SELECT count(*), count(DISTINCT aggregateidentifier), min(timestamp), max(timestamp), "
                    + "bool_and(type = 'MeldcodeCase'), bool_and(chain_hash IS NOT NULL) FROM domainevententry");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(expectedEvents).isGreaterThan(60);
            assertThat(rows.getLong(2)).isEqualTo(Board.CASE_PATTERNS);
            assertThat(Instant.parse(rows.getString(4))).isBefore(Instant.now().minus(Duration.ofDays(500)));
            assertThat(rows.getBoolean(5)).as("aggregate type").isTrue();
            assertThat(rows.getBoolean(6)).as("chained by the database's trigger").isTrue();

            // sequence numbers 0..n-1 per case, no gap
            ResultSet gaps = sql.executeQuery("SELECT count(*) FROM (SELECT aggregateidentifier, max(sequencenumber) + 1 - count(*) AS gap "
                    + "FROM domainevententry GROUP BY aggregateidentifier) g WHERE gap <> 0");
            gaps.next();
            assertThat(gaps.getLong(1)).isZero();

            // sealed: the signal's statement is not in the store in clear, only under the case's key
            ResultSet clear = sql.executeQuery("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE '%"
                    + StoreLoader.CLEAR_TEXT + "%'");
            clear.next();
            assertThat(clear.getLong(1)).isZero();
            ResultSet keys = sql.executeQuery("SELECT count(*), count(retention_from) FROM personal_data_key WHERE record_type = 'MELDCODE_CASE'");
            keys.next();
            assertThat(keys.getLong(1)).isEqualTo(Board.CASE_PATTERNS);
            assertThat(keys.getLong(2)).as("closed cases' keys retained from their closure").isEqualTo(3);
            ResultSet index = sql.executeQuery("SELECT count(*), count(*) FILTER (WHERE open) FROM case_index");
            index.next();
            assertThat(index.getLong(1)).isEqualTo(Board.CASE_PATTERNS);
            assertThat(index.getLong(2)).isEqualTo(Board.CASE_PATTERNS - 3);
        }

        // read back by the service's serializer (the one its event store and publisher use): the text opens again
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            PersonalDataSerializer serializer = new PersonalDataSerializer(JacksonSerializer.builder()
                    .objectMapper(StoreLoader.springBootObjectMapper()).build(),
                    () -> new PersonalDataKeys(jdbc, KeyWrapping.of(KEY_ENCRYPTION_KEY), java.time.Clock.systemUTC()), StoreLoader.HOLDER);
            String closedCase = cases.get(0).caseId();
            List<Object> events = jdbc.query("SELECT payload, payloadtype, payloadrevision FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber", (row, n) -> serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(1), byte[].class,
                    new SimpleSerializedType(row.getString(2), row.getString(3)))), closedCase);
            assertThat(events.get(0)).isInstanceOfSatisfying(CaseOpened.class, opening ->
                    assertThat(opening.opening().signals().get(0).content().statements().get(0).text()).isEqualTo(StoreLoader.CLEAR_TEXT));
            assertThat(events.get(events.size() - 1)).isInstanceOf(CaseClosed.class);
            String stored = new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                    byte[].class, closedCase), StandardCharsets.UTF_8);
            assertThat(stored).contains("\"schoolId\":\"bs-001\"").doesNotContain(StoreLoader.CLEAR_TEXT);
        }
    }
}
