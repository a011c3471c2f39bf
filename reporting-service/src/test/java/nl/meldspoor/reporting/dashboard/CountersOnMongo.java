package nl.meldspoor.reporting.dashboard;

import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.reporting.meldcase.fold.Deadlines;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The dashboard counters read model on a test's in-memory Mongo, wired as the application wires it. */
final class CountersOnMongo {

    private CountersOnMongo() {
    }

    static DashboardCounters on(InMemoryMongo mongo) {
        return on(mongo.template());
    }

    static DashboardCounters on(MongoTemplate template) {
        DashboardCounters counters = new DashboardCounters(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                new StoredEvents(CaseHistoryBuilder.JSON), new Deadlines(new MeldcodeTerms(WorkingDays.dutch(), 5)));
        counters.prepareStorage();
        return counters;
    }
}
