package nl.meldspoor.reporting.rapportage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.platform.security.CaseAccess;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.CaseEvents;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.fold.CaseDossier;
import org.springframework.stereotype.Component;

/**
 * The rapportage of a case from its stored view: the dossier it carries and the documentation check it keeps per event.
 * Only a view of an older format (served until the rebuild beside it switches) has its history folded once more.
 */
@Component
public class StoredRapportages {

    /** The rapportage and who may read it (decided on the case as it is now). */
    public record Found(Rapportage rapportage, CaseAccess access) {
    }

    private final CaseQueries cases;
    private final CaseEvents caseEvents;
    private final CaseDossiers dossiers;
    private final Rapportages rapportages;

    public StoredRapportages(CaseQueries cases, CaseEvents caseEvents, CaseDossiers dossiers, Rapportages rapportages) {
        this.cases = cases;
        this.caseEvents = caseEvents;
        this.dossiers = dossiers;
        this.rapportages = rapportages;
    }

    public Optional<Found> of(String caseId, Instant now) {
        return cases.byId(caseId).map(record -> {
            Optional<CaseDossier> stored = dossiers.of(record);
            Rapportage rapportage = stored.isPresent() && record.facts() != null
                    ? rapportages.of(stored.get(), record.facts().documentation(), now)
                    : folded(caseId, now);
            CaseDossier dossier = stored.orElse(null);
            return new Found(rapportage, dossier != null ? access(dossier) : access(CaseDossier.of(caseEvents.read(cases.historyOfReadCase(caseId)))));
        });
    }

    private Rapportage folded(String caseId, Instant now) {
        List<RecordedCaseEvent> events = caseEvents.read(cases.historyOfReadCase(caseId));
        CaseDossier dossier = CaseDossier.of(events);
        List<MeldcodeCaseEvent> facts = events.stream().map(RecordedCaseEvent::event).toList();
        return rapportages.of(dossier, DocumentationCheck.of(dossier.file(), facts), now);
    }

    private static CaseAccess access(CaseDossier dossier) {
        return new CaseAccess(dossier.file().schoolId(), dossier.file().teachers(), dossier.file().team());
    }
}
