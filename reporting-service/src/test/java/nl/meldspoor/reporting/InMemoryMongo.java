package nl.meldspoor.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.incident.IncidentRegister;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.pupil.PupilSignals;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A MongoDB-compatible server in memory, with the meldcode cases read model on it, for fast tests: the embedded engines'
 * in-memory store, which serves queries with an {@code _id} condition by the index as the local system's file store does.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        this(EmbeddedMongoStore.inMemoryServer());
    }

    /** On another server, not yet bound (a probe comparing stores). */
    public InMemoryMongo(MongoServer server) {
        this.server = server;
        server.bind("localhost", 0);
        client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
        template = new MongoTemplate(client, "test");
    }

    /** For a client of a test's own (one with a command listener, say). */
    public String connectionString() {
        return "mongodb://localhost:" + server.getLocalAddress().getPort();
    }

    public MongoTemplate template() {
        return template;
    }

    public Generations generations() {
        return new Generations(template);
    }

    public MeldcodeCases meldcodeCases() {
        MeldcodeCases cases = new MeldcodeCases(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                generations(), new StoredEvents(CaseHistoryBuilder.JSON), new CaseDeadlines(WorkingDays.dutch(), 5),
                new CaseDossiers(CaseHistoryBuilder.JSON));
        cases.prepareStorage();
        return cases;
    }

    public PupilSignals pupilSignals() {
        PupilSignals signals = new PupilSignals(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                generations(), new StoredEvents(CaseHistoryBuilder.JSON), CaseHistoryBuilder.JSON);
        signals.prepareStorage();
        return signals;
    }

    public IncidentRegister incidentRegister() {
        IncidentRegister register = new IncidentRegister(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                generations(), new StoredEvents(CaseHistoryBuilder.JSON));
        register.prepareStorage();
        return register;
    }

    public static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
