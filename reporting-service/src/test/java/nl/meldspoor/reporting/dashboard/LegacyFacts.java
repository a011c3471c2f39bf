package nl.meldspoor.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.reporting.dashboard.counters.Counter;
import nl.meldspoor.reporting.dashboard.counters.Tally;
import nl.meldspoor.reporting.incident.IncidentLine;
import nl.meldspoor.reporting.meldcase.CaseFacts;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.pupil.SignalFact;
import nl.meldspoor.reporting.rapportage.StepDocumentation;
import nl.meldspoor.reporting.rapportage.StepStatus;

/**
 * Case, signal and incident facts as the dashboard tests generate them, counted into a {@link Tally} the way the
 * counters count them: for tests of suppression that make up thousands of facts without events.
 */
final class LegacyFacts {

    private LegacyFacts() {
    }

    static Tally tally(List<CaseRecord> cases, List<SignalFact> signals, List<IncidentLine> incidents) {
        Tally tally = new Tally();
        for (CaseRecord record : cases) {
            String school = record.schoolId();
            CaseFacts facts = record.facts();
            LocalDate opened = day(record.openedAt());
            tally.add(school, opened, Counter.OPENED, 1);
            facts.veiligThuisAdvice().forEach(at -> tally.add(school, day(at), Counter.ADVICE, 1));
            facts.reports().forEach(at -> tally.add(school, day(at), Counter.REPORTS, 1));
            facts.helpStarted().forEach(at -> tally.add(school, day(at), Counter.HELP, 1));
            if (facts.closedWithoutSuspicion() != null) {
                tally.add(school, day(facts.closedWithoutSuspicion()), Counter.CLOSED_WITHOUT_SUSPICION, 1);
            }
            if (facts.documentation().complete()) {
                tally.add(school, opened, Counter.DOCUMENTED, 1);
            }
            for (int step = 1; step <= 5; step++) {
                int number = step;
                StepStatus status = facts.documentation().steps().stream().filter(documentation -> documentation.step() == number)
                        .map(StepDocumentation::status).findFirst().orElse(step == 1 ? StepStatus.INCOMPLETE : StepStatus.NOT_YET);
                if (status == StepStatus.COMPLETE || status == StepStatus.IN_PROGRESS) {
                    tally.add(school, opened, Counter.documentedStep(step), 1);
                }
                if (step > 1 && (status == StepStatus.COMPLETE || status == StepStatus.INCOMPLETE || status == StepStatus.IN_PROGRESS)) {
                    tally.add(school, opened, Counter.reachedStep(step), 1);
                }
            }
            for (int step = 1; step < 5; step++) {
                Instant from = facts.stepsReached().of(step);
                Instant next = facts.stepsReached().of(step + 1);
                if (from != null && next != null) {
                    tally.sample(school, opened, step, Math.max(0, java.time.Duration.between(from, next).toSeconds()) / 86_400.0);
                }
            }
            if (record.closedAt() == null) {
                tally.openCase(school, facts.openDeadlines().stream().map(Deadline::due).toList());
            }
        }
        for (SignalFact signal : signals) {
            LocalDate day = day(signal.recordedAt());
            tally.add(signal.schoolId(), day, Counter.SIGNALS, 1);
            tally.add(signal.schoolId(), day, Counter.category(signal.category()), 1);
            tally.add(signal.schoolId(), day, Counter.URGENT, signal.urgent() ? 1 : 0);
            tally.add(signal.schoolId(), day, Counter.ESCALATED, signal.escalated() ? 1 : 0);
        }
        for (IncidentLine incident : incidents) {
            LocalDate day = day(incident.occurredAt());
            tally.add(incident.schoolId(), day, Counter.INCIDENTS, 1);
            tally.add(incident.schoolId(), day, Counter.type(incident.type()), 1);
            tally.add(incident.schoolId(), day, Counter.SERIOUS, incident.severity() == Severity.SERIOUS ? 1 : 0);
            tally.add(incident.schoolId(), day, Counter.MELDPLICHT, incident.meldplicht() ? 1 : 0);
        }
        return tally;
    }

    private static LocalDate day(Instant moment) {
        return moment.atZone(Dashboards.AMSTERDAM).toLocalDate();
    }
}
