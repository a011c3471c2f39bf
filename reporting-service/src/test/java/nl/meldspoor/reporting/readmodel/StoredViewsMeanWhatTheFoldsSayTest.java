package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.reporting.incident.fold.IncidentFile;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.reporting.meldcase.fold.CaseFile;
import nl.meldspoor.reporting.meldcase.fold.Deadlines;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.incident.IncidentRecord;
import nl.meldspoor.reporting.incident.IncidentRegister;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.rapportage.DocumentationCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The views kept per event mean what the aggregates' own folds say over the whole history (how the read side
 * derived them before it stored views): status, step, next question, dates, deadlines and documentation per step.
 */
class StoredViewsMeanWhatTheFoldsSayTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MeldcodeCases cases = mongo.meldcodeCases();
    private final IncidentRegister incidents = mongo.incidentRegister();
    private final Deadlines deadlines = new Deadlines(new MeldcodeTerms(WorkingDays.dutch(), 5));

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void everyCaseAndIncidentViewOfAGeneratedBoardEqualsTheFoldOfItsHistory() {
        GeneratedBoard board = new GeneratedBoard(7, 150, 80, 0);
        for (List<PublishedEvent> poll : board.deliveredWithRedeliveriesAndGaps(7)) {
            cases.applyAll(poll, 0);
            incidents.applyAll(poll, 0);
        }
        int checked = 0;
        for (List<PublishedEvent> aggregate : board.aggregates) {
            if (aggregate.get(0).payload() instanceof MeldcodeCaseEvent) {
                List<MeldcodeCaseEvent> events = aggregate.stream().map(event -> (MeldcodeCaseEvent) event.payload()).toList();
                CaseFile file = new CaseFile();
                events.forEach(file::apply);
                CaseRecord view = cases.view(aggregate.get(0).aggregateId());
                assertThat(view.status()).isEqualTo(file.status().name());
                assertThat(view.currentStep()).isEqualTo(file.currentStep());
                assertThat(view.nextQuestion()).isEqualTo(file.isClosed() ? null : file.afwegingskader().nextQuestion().map(Enum::name).orElse(null));
                assertThat(view.openedAt()).isEqualTo(file.openedAt());
                assertThat(view.lastActivityAt()).isEqualTo(file.lastActivityAt());
                assertThat(view.closedAt()).isEqualTo(file.isClosed() ? lastClosed(events) : null);
                assertThat(view.outcome()).isEqualTo(file.closure().map(closure -> closure.outcome().name()).orElse(null));
                assertThat(view.facts().openDeadlines()).isEqualTo(deadlines.open(file));
                assertThat(view.facts().documentation()).isEqualTo(DocumentationCheck.of(file, events));
                assertThat(view.appliedSequence()).isEqualTo(aggregate.size() - 1);
                checked++;
            } else if (aggregate.get(0).payload() instanceof IncidentEvent) {
                IncidentFile file = new IncidentFile();
                aggregate.forEach(event -> file.apply((IncidentEvent) event.payload()));
                IncidentRecord view = incidents.view(aggregate.get(0).aggregateId());
                assertThat(view.line()).isEqualTo(nl.meldspoor.reporting.incident.fold.OldIncidentLines.line(file));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(230);
    }

    private static Instant lastClosed(List<MeldcodeCaseEvent> events) {
        return events.stream().filter(CaseClosed.class::isInstance).map(MeldcodeCaseEvent::occurredAt).reduce((a, b) -> b).orElse(null);
    }
}
