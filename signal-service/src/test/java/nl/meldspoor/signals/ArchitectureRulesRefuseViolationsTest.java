package nl.meldspoor.signals;

import static nl.meldspoor.platform.testing.ArchitectureRuleProof.accepts;
import static nl.meldspoor.platform.testing.ArchitectureRuleProof.refuses;

import nl.meldspoor.signals.pupil.ArchitectureViolations;
import nl.meldspoor.signals.pupil.PupilFile;
import org.junit.jupiter.api.Test;

/** Each architecture rule refuses a class that breaks it, and accepts a class of the service that keeps it. */
class ArchitectureRulesRefuseViolationsTest {

    @Test
    void theDomainMayNotUseSpring() {
        refuses(ArchitectureTest.theDomainKnowsNoWebOrPersistence, ArchitectureViolations.DomainUsingSpring.class);
        accepts(ArchitectureTest.theDomainKnowsNoWebOrPersistence, PupilFile.class);
    }

    @Test
    void theServiceMayNotReachIntoAnotherService() {
        refuses(ArchitectureTest.theSignalServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ArchitectureViolations.ReachingIntoAnotherService.class);
        accepts(ArchitectureTest.theSignalServiceUsesOnlyTheApiAndThePlatformOfOtherModules, PupilFile.class);
    }

    @Test
    void aControllerMayNotLiveInTheDomain() {
        refuses(ArchitectureTest.controllersStayOutOfTheDomain, ArchitectureViolations.ControllerInTheDomain.class);
    }
}
