package nl.meldspoor.reporting.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;

/**
 * A board's published history, generated from a seed: cases that stop in every step (reported, with help, closed
 * without suspicion, awaiting the principal, sent back, erased after retention), pupils' signals of every category
 * (some urgent, some escalated, some at two schools) and incidents of every type — per aggregate, in order.
 */
public final class BoardHistory {

    private BoardHistory() {
    }

    /**
     * @param casesPerSchoolYear cases opened per school per school year, on average
     */
    public static List<List<PublishedEvent>> generate(long seed, List<School> schools, LocalDate firstSchoolYear, int schoolYears, int casesPerSchoolYear) {
        Random random = new Random(seed);
        Instant start = firstSchoolYear.atStartOfDay(Dashboards.AMSTERDAM).toInstant();
        long seconds = Duration.ofDays(365L * schoolYears).toSeconds();
        List<List<PublishedEvent>> aggregates = new ArrayList<>();
        int cases = schools.size() * schoolYears * casesPerSchoolYear;
        for (int i = 0; i < cases; i++) {
            String school = schools.get(random.nextInt(schools.size())).id();
            aggregates.add(aCase(random, school, start.plusSeconds((long) (random.nextDouble() * seconds))).published());
        }
        for (int i = 0; i < cases * 3 / 2; i++) {
            String school = schools.get(random.nextInt(schools.size())).id();
            PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil(random.nextInt(4) == 0 ? "family-" + random.nextInt(100) : null);
            Instant at = start.plusSeconds((long) (random.nextDouble() * seconds));
            int signals = 1 + random.nextInt(3);
            for (int s = 0; s < signals; s++) {
                String where = random.nextInt(10) == 0 ? schools.get(random.nextInt(schools.size())).id() : school;
                SignalCategory category = SignalCategory.values()[random.nextInt(SignalCategory.values().length)];
                pupil.signal(where, at.plus(Duration.ofDays(s * (1L + random.nextInt(40)))), category,
                        random.nextInt(8) == 0 ? new SignalFlag[]{SignalFlag.DISCLOSURE} : new SignalFlag[0]);
            }
            if (random.nextInt(6) == 0) {
                pupil.escalatedFirstSignal(at.plus(Duration.ofDays(2)));
            }
            aggregates.add(pupil.published());
        }
        for (int i = 0; i < cases / 2; i++) {
            String school = schools.get(random.nextInt(schools.size())).id();
            Instant at = start.plusSeconds((long) (random.nextDouble() * seconds));
            IncidentHistoryBuilder incident = random.nextInt(12) == 0
                    ? IncidentHistoryBuilder.meldplicht(school, at).boardInformed(10 + random.nextInt(100))
                    : IncidentHistoryBuilder.incident(school, at, IncidentType.values()[random.nextInt(IncidentType.values().length)],
                            random.nextBoolean() ? Severity.SERIOUS : Severity.MINOR);
            if (random.nextInt(3) == 0) {
                incident.closed();
            }
            aggregates.add(incident.published());
        }
        return aggregates;
    }

    private static CaseHistoryBuilder aCase(Random random, String school, Instant openedAt) {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt(school, openedAt);
        int stopAt = random.nextInt(8);
        if (stopAt == 0) {
            return history;
        }
        if (random.nextBoolean()) {
            history.consultedColleague();
        } else {
            history.askedVeiligThuis();
        }
        if (stopAt == 1) {
            return history;
        }
        history.talkedToParents(random.nextInt(4) != 0);
        if (stopAt == 2) {
            return history;
        }
        if (random.nextInt(4) == 0) {
            history.noSuspicion();
            if (random.nextBoolean()) {
                history.closed(CaseOutcome.NO_SUSPICION);
                if (random.nextInt(3) == 0) {
                    history.textErasedAfterRetention();
                }
            }
            return history;
        }
        history.suspicionAndUnsafety();
        if (stopAt == 3) {
            return history;
        }
        if (stopAt == 4) {
            history.decidedAwaitingApproval();
            if (random.nextBoolean()) {
                history.decisionSentBack();
            }
            return history;
        }
        history.reported();
        if (random.nextBoolean()) {
            history.feedback();
        }
        if (stopAt >= 6) {
            history.helpStarted();
        }
        if (stopAt == 7) {
            history.closed(random.nextBoolean() ? CaseOutcome.HELP_COMPLETED : CaseOutcome.REPORTED_AND_HANDED_OVER);
            if (random.nextInt(3) == 0) {
                history.textErasedAfterRetention();
            }
        }
        return history;
    }
}
