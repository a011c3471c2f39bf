package nl.meldspoor.reporting.dashboard;

import nl.meldspoor.reporting.meldcase.CaseRecord;

/** Classes that break the reporting-service's architecture rules, to prove each rule refuses them (never loaded by the service). */
public final class ArchitectureViolations {

    private ArchitectureViolations() {
    }

    public static class DashboardReadingPupils {
        String pupil(CaseRecord record) {
            return record.pupilRef();
        }
    }

    public static class DashboardReadingTheTimeline {
        int events(nl.meldspoor.reporting.meldcase.MeldcodeCases cases, String caseId) {
            return cases.history(caseId).size();
        }
    }

    public static class DashboardFoldingAWholeHistory {
        boolean closed(java.util.List<nl.meldspoor.api.meldcase.MeldcodeCaseEvent> events) {
            nl.meldspoor.reporting.meldcase.fold.CaseFile file = new nl.meldspoor.reporting.meldcase.fold.CaseFile();
            events.forEach(file::apply);
            return file.isClosed();
        }
    }

    public static class DashboardReadingHistoryEntries {
        nl.meldspoor.reporting.readmodel.HistoryEntry entry;
    }

    public static class ProjectionWithARule {
        nl.meldspoor.api.common.RuleViolation violation;
    }

    public static class ReachingIntoAnotherService {
        nl.meldspoor.otherservice.Internal internal;
    }
}
