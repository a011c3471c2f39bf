package nl.meldspoor.web.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import nl.meldspoor.engines.postgres.EmbeddedPostgresAutoConfiguration;
import nl.meldspoor.web.PagesTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * On the embedded engines' PostgreSQL the web application connects as the runtime role, not as the owner of its tables
 * (R__runtime_role_grants.sql): it reads and writes the sessions, and cannot drop them or touch Flyway's history.
 */
// the same context as PagesTest's (one PostgreSQL per data directory: a second context would start another on it)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class SessionsRuntimeRoleTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theSessionsAreWrittenByARoleThatOwnsNothing() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(EmbeddedPostgresAutoConfiguration.RUNTIME_ROLE);

        jdbc.update("INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time)"
                + " VALUES ('11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', 0, 0, 1800, 0)");
        assertThat(jdbc.update("DELETE FROM spring_session WHERE primary_id = '11111111-1111-1111-1111-111111111111'")).isEqualTo(1);

        assertThatThrownBy(() -> jdbc.execute("DROP TABLE spring_session_attributes")).hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.queryForList("SELECT * FROM flyway_schema_history")).hasStackTraceContaining("permission denied");
    }
}
