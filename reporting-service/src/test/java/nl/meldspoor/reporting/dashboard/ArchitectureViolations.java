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

    public static class ProjectionWithARule {
        nl.meldspoor.api.common.RuleViolation violation;
    }

    public static class ReachingIntoAnotherService {
        nl.meldspoor.otherservice.Internal internal;
    }
}
