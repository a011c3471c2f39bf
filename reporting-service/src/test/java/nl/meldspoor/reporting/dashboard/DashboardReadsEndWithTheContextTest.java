package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.readmodel.Generations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The threads that read a dashboard's samples and open cases belong to the context: they stop when it closes. */
class DashboardReadsEndWithTheContextTest {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void closingTheContextShutsTheDashboardReadsDown() {
        CounterQueries queries;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(MongoTemplate.class, mongo::template);
            context.register(Generations.class, CounterQueries.class);
            // the served counters' generation, known to be of this format (as a started reporting-service records it)
            mongo.template().save(new Generations.Pointer(DashboardCounters.NAME, 0, null,
                    new DashboardCounters(mongo.template(), null, null, null).viewFormat()), "read_model_generations");
            context.refresh();
            queries = context.getBean(CounterQueries.class);
            assertThat(queries.tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)).counts()).isEmpty();
        }

        assertThatThrownBy(() -> queries.tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
