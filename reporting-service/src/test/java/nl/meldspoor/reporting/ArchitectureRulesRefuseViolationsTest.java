package nl.meldspoor.reporting;

import static nl.meldspoor.platform.testing.ArchitectureRuleProof.accepts;
import static nl.meldspoor.platform.testing.ArchitectureRuleProof.refuses;

import nl.meldspoor.reporting.dashboard.ArchitectureViolations;
import nl.meldspoor.reporting.dashboard.Dashboards;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import org.junit.jupiter.api.Test;

/** Each architecture rule refuses a class that breaks it, and accepts a class of the service that keeps it. */
class ArchitectureRulesRefuseViolationsTest {

    @Test
    void theServiceMayNotReachIntoAnotherService() {
        refuses(ArchitectureTest.theReportingServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ArchitectureViolations.ReachingIntoAnotherService.class);
        accepts(ArchitectureTest.theReportingServiceUsesOnlyTheApiAndThePlatformOfOtherModules, Dashboards.class);
    }

    @Test
    void aDashboardMayNotReadPupilLevelData() {
        refuses(ArchitectureTest.dashboardsNeverReadPupilLevelData, ArchitectureViolations.DashboardReadingPupils.class);
        accepts(ArchitectureTest.dashboardsNeverReadPupilLevelData, Dashboards.class);
    }

    @Test
    void aDashboardMayNotReadTheEventsOrFoldAWholeHistory() {
        refuses(ArchitectureTest.dashboardsNeverReadPupilLevelData, ArchitectureViolations.DashboardReadingTheTimeline.class);
        refuses(ArchitectureTest.dashboardsNeverReadPupilLevelData, ArchitectureViolations.DashboardFoldingAWholeHistory.class);
        refuses(ArchitectureTest.dashboardsNeverReadPupilLevelData, ArchitectureViolations.DashboardReadingHistoryEntries.class);
        accepts(ArchitectureTest.dashboardsNeverReadPupilLevelData, DashboardCounters.class);
        accepts(ArchitectureTest.dashboardsNeverReadPupilLevelData, CounterQueries.class);
    }

    @Test
    void aReadModelMayNotHoldABusinessRule() {
        refuses(ArchitectureTest.readModelsHoldNoBusinessRules, ArchitectureViolations.ProjectionWithARule.class);
    }
}
