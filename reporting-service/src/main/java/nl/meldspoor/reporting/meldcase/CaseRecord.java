package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import nl.meldspoor.reporting.readmodel.AggregateDocument;
import nl.meldspoor.reporting.meldcase.fold.CaseDossier;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One meldcode case on the read side: the summary the school's case list filters on and the facts the
 * dashboards count, with the progress they are derived from — updated per event, never from the history
 * (that lives one document per event in {@link MeldcodeCases#HISTORY}).
 */
@Document(CaseRecord.COLLECTION)
@CompoundIndex(name = "school_status_step_opened", def = "{'schoolId': 1, 'status': 1, 'currentStep': 1, 'openedAt': -1}")
@CompoundIndex(name = "school_opened", def = "{'schoolId': 1, 'openedAt': 1, 'closedAt': 1}")
public class CaseRecord extends AggregateDocument {

    public static final String COLLECTION = "meldcode_cases";

    @Id
    private String caseId;
    private String schoolId;
    private String pupilRef;
    private String status;
    private int currentStep;
    private String nextQuestion;
    private Instant openedAt;
    private Instant lastActivityAt;
    private Instant closedAt;
    private String outcome;
    private CaseFacts facts;
    private CaseProgress progress = new CaseProgress();
    /** The dossier as JSON ({@link CaseDossier}): what the dossier endpoint shows, stored so that no request folds the history. */
    private String dossier;
    /** The dossier as applied in memory, kept with the view between polls: encoded into {@link #dossier} once per poll, not per event. */
    @Transient
    private CaseDossier unwritten;

    protected CaseRecord() {
    }

    static CaseRecord start(String caseId) {
        CaseRecord record = new CaseRecord();
        record.caseId = caseId;
        return record;
    }

    void summarise(String schoolId, String pupilRef, String status, int currentStep, String nextQuestion, Instant openedAt,
                   Instant lastActivityAt, Instant closedAt, String outcome, CaseFacts facts) {
        this.schoolId = schoolId;
        this.pupilRef = pupilRef;
        this.status = status;
        this.currentStep = currentStep;
        this.nextQuestion = nextQuestion;
        this.openedAt = openedAt;
        this.lastActivityAt = lastActivityAt;
        this.closedAt = closedAt;
        this.outcome = outcome;
        this.facts = facts;
    }

    public String caseId() {
        return caseId;
    }

    public String schoolId() {
        return schoolId;
    }

    public String pupilRef() {
        return pupilRef;
    }

    public String status() {
        return status;
    }

    public int currentStep() {
        return currentStep;
    }

    public String nextQuestion() {
        return nextQuestion;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String outcome() {
        return outcome;
    }

    public CaseFacts facts() {
        return facts;
    }

    CaseProgress progress() {
        return progress;
    }

    /** The stored dossier as JSON; null in a view written before dossiers were stored (format 2). */
    public String dossierJson() {
        return dossier;
    }

    CaseDossier unwrittenDossier() {
        return unwritten;
    }

    void dossierApplied(CaseDossier applied) {
        unwritten = applied;
    }

    void dossierEncoded(String json) {
        dossier = json;
    }
}
