package nl.meldspoor.casework.writepath;

import static nl.meldspoor.platform.testing.HttpApi.idempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What one command costs the database on its own request path: one transaction, whatever it writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WritePathIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor commitCounter() {
            return CommitCounter.wrapping();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;

    private HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(context.getBean(StaffDirectory.class)).grant(BenchRequests.IB, "school-a");
    }

    @Test
    void everyCommandCommitsExactlyOneTransactionWithItsKeyItsEventsItsIndexAndItsIdempotencyRecord() {
        // warm-up: the first command of a service loads caches (staff, keys) that are not per command
        api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));

        long before = CommitCounter.requestCommits();
        int commands = 0;
        for (int i = 0; i < 5; i++) {
            Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()),
                    idempotencyKey(UUID.randomUUID().toString()));
            assertThat(opened.status()).isEqualTo(201);
            Response consulted = api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations",
                    BenchRequests.colleagueConsultation(), idempotencyKey(UUID.randomUUID().toString()));
            assertThat(consulted.status()).as(consulted.body().toString()).isEqualTo(200);
            commands += 2;
        }
        long commits = CommitCounter.requestCommits() - before;

        assertThat(commits).as("commits on the request path for %d commands", commands).isEqualTo(commands);
    }
}
