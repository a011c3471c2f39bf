package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.Tally;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A dashboard reads its school months by their ids, which the {@code _id} index serves on MongoDB and on mongo-java-server;
 * by school and a month range (or a list of months) mongo-java-server scanned every school month of the board for each
 * dashboard. The counts read are the same (the dashboards themselves: {@code CountersGiveTheSameDashboardsTest}).
 */
class CountersReadByMonthIdsTest {

    private static final LocalDate FIRST_YEAR = LocalDate.of(2024, 8, 1);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final List<BsonDocument> monthFilters = new CopyOnWriteArrayList<>();
    private final MongoClient listened = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(mongo.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    if (event.getCommandName().equals("find") && command.getString("find").getValue().startsWith("dashboard_counter")) {
                        monthFilters.add(command.getDocument("filter", new BsonDocument()).clone());
                    }
                }
            }).build());
    private final MongoTemplate template = new MongoTemplate(listened, "test");

    @AfterEach
    void tearDown() {
        listened.close();
        mongo.close();
    }

    @Test
    void theSchoolMonthsOfAnyWindowAreReadByTheirIds() {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            schools.add(new School("school-" + i, "School " + i));
        }
        DashboardCounters counters = CountersOnMongo.on(mongo);
        BoardHistory.generate(7L, schools, FIRST_YEAR, 2, 6).forEach(history -> history.forEach(counters::apply));
        List<String> board = schools.stream().map(School::id).toList();
        CounterQueries queries = new CounterQueries(template);

        for (LocalDate[] window : new LocalDate[][]{
                {FIRST_YEAR, FIRST_YEAR.plusYears(2)},                       // whole months only
                {LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 10)},      // cut at both ends
                {LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 20)},       // inside one month
                {LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 1)}}) {     // empty
            monthFilters.clear();
            Tally tally = queries.tally(board, window[0], window[1]);

            if (window[0].isBefore(window[1])) {
                assertThat(tally.counts()).as("counted something in %s – %s", window[0], window[1]).isNotEmpty();
                assertThat(monthFilters).isNotEmpty();
            }
            assertThat(monthFilters).as("window %s – %s", window[0], window[1]).allSatisfy(filter ->
                    assertThat(filter.keySet()).as("filter %s", filter).isEqualTo(Set.of("_id")));
        }
    }
}
