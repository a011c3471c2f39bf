package nl.meldspoor.casework.it;

import nl.meldspoor.platform.testing.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on a PostgreSQL container, where a Docker engine exists; skipped cleanly where not. */
@Testcontainers(disabledWithoutDocker = true)
class CaseServiceOnPostgresContainerIT extends CaseServiceContract {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17-alpine");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("meldspoor.personal-data.key-encryption-key", () -> TestPostgres.TEST_KEY_ENCRYPTION_KEY);
    }
}
