package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dossier.Dossiers;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.CaseEvents;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import nl.meldspoor.reporting.rapportage.Rapportages;
import nl.meldspoor.reporting.rapportage.StoredRapportages;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A view of an older format keeps its events inside; its history is read in a second step. When the rebuilt generation
 * takes over between the two reads, the old generation's collections are dropped and that read comes back empty — the
 * dossier then answered 500 (seen in {@code ReadModelRestartIT} under load). The history is read again instead.
 */
class DossierReadAcrossAGenerationSwitchTest {

    private static final ObjectMapper JSON = CaseHistoryBuilder.JSON;

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MeldcodeCases cases = mongo.meldcodeCases();
    private final StoredEvents storedEvents = new StoredEvents(JSON);
    private List<PublishedEvent> aCase;
    private String caseId;
    private Instant now;
    private String dossierBefore;
    private StoredRapportages.Found rapportageBefore;

    @BeforeEach
    void aCaseServedFromAViewOfTheOlderFormat() throws Exception {
        aCase = StoredDossierIsTheDossierOfTheWholeHistoryTest.richerCases(new Random(11), 1).get(0);
        cases.applyAll(aCase, 0);
        caseId = aCase.get(0).aggregateId();
        now = aCase.get(aCase.size() - 1).payload().occurredAt().plus(Duration.ofDays(2));
        dossierBefore = JSON.writeValueAsString(dossiers(new CaseQueries(mongo.template())).of(caseId, now).orElseThrow());
        rapportageBefore = rapportages(new CaseQueries(mongo.template())).of(caseId, now).orElseThrow();
        mongo.template().getCollection(Generations.nameOf(CaseRecord.COLLECTION, 0))
                .updateOne(new Document("_id", caseId), new Document("$unset", new Document("dossier", "")).append("$set", new Document("viewFormat", 2)));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aHistoryReadThatAGenerationSwitchLeftEmptyIsReadAgainForTheDossierAndTheRapportage() throws Exception {
        assertThat(JSON.writeValueAsString(dossiers(switchingOnce(1)).of(caseId, now).orElseThrow())).isEqualTo(dossierBefore);
        var rapportage = rapportages(switchingOnce(1)).of(caseId, now).orElseThrow();
        assertThat(rapportage.access()).isEqualTo(rapportageBefore.access());
        assertThat(JSON.writeValueAsString(rapportage.rapportage())).isEqualTo(JSON.writeValueAsString(rapportageBefore.rapportage()));
    }

    @Test
    void aCaseWhoseHistoryStaysEmptyIsAnErrorNotADossierWithoutASchool() {
        assertThatThrownBy(() -> dossiers(switchingOnce(Integer.MAX_VALUE)).of(caseId, now))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(caseId);
    }

    /** Case queries whose first history reads meet a generation dropped meanwhile. */
    private CaseQueries switchingOnce(int emptyReads) {
        return new CaseQueries(mongo.template()) {
            private int reads;

            @Override
            public List<StoredEvent> history(String id) {
                return reads++ < emptyReads ? List.of() : super.history(id);
            }
        };
    }

    private Dossiers dossiers(CaseQueries queries) {
        return new Dossiers(queries, new CaseEvents(storedEvents), new CaseDossiers(JSON), new CaseStates(WorkingDays.dutch(), 5));
    }

    private StoredRapportages rapportages(CaseQueries queries) {
        return new StoredRapportages(queries, new CaseEvents(storedEvents), new CaseDossiers(JSON), new Rapportages(new CaseStates(WorkingDays.dutch(), 5)));
    }
}
