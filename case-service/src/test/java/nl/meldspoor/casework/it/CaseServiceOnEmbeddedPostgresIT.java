package nl.meldspoor.casework.it;

import nl.meldspoor.platform.testing.TestKafkaDirectory;
import nl.meldspoor.platform.testing.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case-service contract on a real PostgreSQL started from embedded binaries: runs everywhere. */
class CaseServiceOnEmbeddedPostgresIT extends CaseServiceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        TestKafkaDirectory.registerFresh(registry, "contract"); // not the module's data/case-service/kafka, locked by any other cached context
    }
}
