package nl.meldspoor.signals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The signal-service configured as in deploy/compose, on a PostgreSQL it did not start itself: a server (embedded
 * binaries standing in for the compose container) prepared by the compose file's own init-databases.sql, and the
 * service's database and key settings taken from the compose file's signal-service environment. Flyway migrates as
 * the owner; the service runs as its runtime role, which records signals but cannot change, remove or unguard an
 * event, and cannot reach the case-service's database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-compose-roles")
class ComposeDatabaseRolesIT {

    private static final Path COMPOSE = Path.of("..", "deploy", "compose");
    /** What an operator puts in deploy/compose/.env; local placeholders, for this test only. */
    private static final Map<String, String> DOT_ENV = Map.of(
            "CASE_SERVICE_DB_OWNER_PASSWORD", "local-cases-owner",
            "CASE_SERVICE_DB_RUNTIME_PASSWORD", "local-cases-runtime",
            "SIGNAL_SERVICE_DB_OWNER_PASSWORD", "local-signals-owner",
            "SIGNAL_SERVICE_DB_RUNTIME_PASSWORD", "local-signals-runtime",
            "WEB_DB_PASSWORD", "local-web-sessions",
            "SIGNAL_SERVICE_KEY_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    private static final Actor TEACHER = new Actor("lk-roles", Role.TEACHER);
    private static final Actor IB = new Actor("ib-roles", Role.CARE_COORDINATOR);

    private static EmbeddedPostgres server;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private StaffDirectory directory;

    @DynamicPropertySource
    static void composeDatabase(DynamicPropertyRegistry registry) throws IOException, SQLException {
        server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        runInitScript(Files.readString(COMPOSE.resolve("init-databases.sql")), Files.readString(COMPOSE.resolve("init-databases.sh")));
        composeEnvironment("signal-service").forEach((variable, value) -> {
            String local = value.replace("//postgres:5432/", "//localhost:" + server.getPort() + "/");
            // As the service reads its environment: the variable itself (${MELDSPOOR_…} in application.yml) and
            // Spring's relaxed name for it (SPRING_FLYWAY_USER = spring.flyway.user).
            registry.add(variable, () -> local);
            registry.add(variable.toLowerCase().replace('_', '.'), () -> local);
        });
    }

    @BeforeEach
    void staff() {
        new TestStaff(directory).grant(TEACHER, "school-a").grant(IB, "school-a");
    }

    @Test
    void theServiceMigratesAsTheOwnerAndRunsAsItsRuntimeRole() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("signals_runtime");
        assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'domainevententry'", String.class))
                .isEqualTo("signals_owner");
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user",
                Boolean.class)).isFalse();
    }

    @Test
    void theRuntimeRoleRecordsSignalsButCannotChangeRemoveOrUnguardAnEvent() {
        String pupil = registeredPupil();
        Response recorded = new HttpApi(rest, json).post(TEACHER, "/api/pupils/" + pupil + "/signals", recording());
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, pupil))
                .isEqualTo(1);

        List<String> attempts = List.of(
                "UPDATE domainevententry SET payload = '\\x00'::bytea WHERE aggregateidentifier = '" + pupil + "'",
                "DELETE FROM domainevententry WHERE aggregateidentifier = '" + pupil + "'",
                "TRUNCATE domainevententry",
                "ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only",
                "ALTER TABLE domainevententry DISABLE TRIGGER ALL",
                "DROP TRIGGER domainevententry_append_only ON domainevententry",
                "SET session_replication_role = replica",
                "CREATE OR REPLACE FUNCTION refuse_event_rewrite() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql");
        for (String attempt : attempts) {
            assertThatThrownBy(() -> jdbc.execute(attempt)).as(attempt)
                    .satisfies(refused -> assertThat(sqlState(refused)).as(attempt).isEqualTo("42501"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, pupil))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT tgenabled FROM pg_trigger WHERE tgname = 'domainevententry_append_only'", String.class))
                .isEqualTo("O");
    }

    @Test
    void theRuntimeRoleKeepsTheServicesOtherTables() {
        jdbc.update("INSERT INTO case_hold (case_id, pupil_ref, school_id, case_sequence) VALUES ('case-roles', 'lln-roles', 'school-a', 0)");
        jdbc.update("UPDATE case_hold SET closed_at = now(), case_sequence = 1 WHERE case_id = 'case-roles'");
        jdbc.update("DELETE FROM case_hold WHERE case_id = 'case-roles'");
        jdbc.update("INSERT INTO tokenentry (processorname, segment) VALUES ('roles-test', 0)");
        jdbc.update("DELETE FROM tokenentry WHERE processorname = 'roles-test'");
        assertThatThrownBy(() -> jdbc.queryForList("SELECT * FROM flyway_schema_history")).as("Flyway's history is the owner's")
                .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo("42501"));
    }

    @Test
    void noServiceCanUseTheOtherServicesDatabaseWithItsCredentials() {
        for (String[] stranger : new String[][] {{"cases", "signals_runtime"}, {"cases", "signals_owner"},
                {"signals", "cases_runtime"}, {"signals", "cases_owner"}}) {
            assertThatThrownBy(() -> connect(stranger[0], stranger[1]).close()).as(stranger[1] + " on " + stranger[0])
                    .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo("42501"));
        }
    }

    private String registeredPupil() {
        Response registered = new HttpApi(rest, json).post(IB, "/api/schools/school-a/pupils", Map.of("givenName", "Kim",
                "familyName", "Rollen-" + UUID.randomUUID().toString().substring(0, 6), "birthDate", "2017-03-02", "group", 4));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.body().path("pupilRef").asText();
    }

    private static SignalRecording recording() {
        return new SignalRecording("school-a", null, Instant.now().minus(Duration.ofHours(2)), "speelplaats", "pauze",
                List.of(new nl.meldspoor.api.signal.Statement("Blauwe plek op de arm.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(), List.of());
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/" + database, role, "");
    }

    /** The compose file's environment of one service, its ${VARIABLE:?…} references filled in from the .env. */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(String service) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE.resolve("docker-compose.yml")));
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                .get(service)).get("environment");
        Map<String, String> database = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith("SPRING_DATASOURCE_") || variable.startsWith("SPRING_FLYWAY_") || variable.startsWith("MELDSPOOR_DB_")
                    || variable.equals("MELDSPOOR_KEY_ENCRYPTION_KEY")) {
                database.put(variable, fromDotEnv(String.valueOf(value)));
            }
        });
        assertThat(database).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_FLYWAY_USER",
                "MELDSPOOR_KEY_ENCRYPTION_KEY");
        return database;
    }

    private static String fromDotEnv(String value) {
        Matcher reference = Pattern.compile("\\$\\{(\\w+)(:[?-][^}]*)?}").matcher(value);
        StringBuilder filled = new StringBuilder();
        while (reference.find()) {
            String given = DOT_ENV.get(reference.group(1));
            assertThat(given).as("test .env has " + reference.group(1)).isNotNull();
            reference.appendReplacement(filled, Matcher.quoteReplacement(given));
        }
        return reference.appendTail(filled).toString();
    }

    /**
     * Runs the init script as the container's entrypoint does through init-databases.sh and psql: its {@code :'name'}
     * variables filled in from the .env as the shell script maps them, statement by statement (CREATE DATABASE runs
     * outside a transaction), {@code \connect} switching database.
     */
    private static void runInitScript(String script, String shell) throws SQLException {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher mapping = Pattern.compile("-v (\\w+)=\"\\$(\\w+)\"").matcher(shell);
        while (mapping.find()) {
            variables.put(mapping.group(1), DOT_ENV.get(mapping.group(2)));
        }
        String database = "postgres";
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("\\connect ")) {
                database = trimmed.substring("\\connect ".length()).strip();
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    execute(database, psqlVariables(statement.toString(), variables));
                    statement.setLength(0);
                }
            }
        }
        assertThat(statement.toString()).as("statement without its semicolon").isBlank();
    }

    private static String psqlVariables(String statement, Map<String, String> variables) {
        Matcher variable = Pattern.compile(":'(\\w+)'").matcher(statement);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String value = variables.get(variable.group(1));
            assertThat(value).as("init-databases.sh passes " + variable.group(1) + " from the .env").isNotNull();
            variable.appendReplacement(filled, Matcher.quoteReplacement("'" + value + "'"));
        }
        return variable.appendTail(filled).toString();
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
