package nl.meldspoor.casework.it;

import nl.meldspoor.platform.testing.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case-service contract on a real PostgreSQL started from embedded binaries: runs everywhere. */
class CaseServiceOnEmbeddedPostgresIT extends CaseServiceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }
}
