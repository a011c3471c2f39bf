package nl.meldspoor.casework;

import static nl.meldspoor.platform.testing.ArchitectureRuleProof.accepts;
import static nl.meldspoor.platform.testing.ArchitectureRuleProof.refuses;

import nl.meldspoor.api.archfixture.ApiUsingSpring;
import nl.meldspoor.casework.meldcase.ArchitectureViolations;
import nl.meldspoor.casework.meldcase.MeldcodeCase;
import org.junit.jupiter.api.Test;

/** Each architecture rule refuses a class that breaks it, and accepts a class of the service that keeps it. */
class ArchitectureRulesRefuseViolationsTest {

    @Test
    void theDomainMayNotUseSpring() {
        refuses(ArchitectureTest.theMeldcodeDomainKnowsNoWebOrPersistence, ArchitectureViolations.DomainUsingSpring.class);
        accepts(ArchitectureTest.theMeldcodeDomainKnowsNoWebOrPersistence, MeldcodeCase.class);
    }

    @Test
    void thePublishedLanguageMayNotUseSpring() {
        refuses(ArchitectureTest.thePublishedLanguageIsFreeOfSpringAndPersistence, ApiUsingSpring.class);
    }

    @Test
    void theServiceMayNotReachIntoAnotherService() {
        refuses(ArchitectureTest.theCaseServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ArchitectureViolations.ReachingIntoAnotherService.class);
        accepts(ArchitectureTest.theCaseServiceUsesOnlyTheApiAndThePlatformOfOtherModules, MeldcodeCase.class);
    }

    @Test
    void aControllerMayNotLiveInTheDomain() {
        refuses(ArchitectureTest.controllersStayOutOfTheDomain, ArchitectureViolations.ControllerInTheDomain.class);
    }
}
