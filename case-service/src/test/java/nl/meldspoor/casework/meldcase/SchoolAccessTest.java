package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.ADVISOR;
import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.OTHER_PRINCIPAL;
import static nl.meldspoor.casework.meldcase.CaseTestData.T0;
import static nl.meldspoor.casework.meldcase.CaseTestData.colleagueConsultation;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.opened;
import static nl.meldspoor.casework.meldcase.CaseTestData.opening;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.util.List;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.CommandAuthority;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.OpenCase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Need-to-know on the write side: the case compares the actor's schools with its own. */
class SchoolAccessTest {

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    @Test
    void staffOfTheCasesSchoolAct() {
        fixture.given(opened(signal("sig-1")))
                .when(new ConsultColleague(CASE_ID, null, IB, day(1), colleagueConsultation()), CommandAuthority.of(List.of("school-a")))
                .expectEvents(new ColleagueConsulted(CASE_ID, "school-a", CaseTestData.PUPIL, IB, day(1), colleagueConsultation()));
    }

    @Test
    void aCareCoordinatorOfAnotherSchoolIsRefused() {
        Actor otherIb = new Actor("ib-zoe", Role.CARE_COORDINATOR);
        fixture.given(opened(signal("sig-1")))
                .when(new ConsultColleague(CASE_ID, null, otherIb, day(1), colleagueConsultation()), CommandAuthority.of(List.of("school-b")))
                .expectException(violates(AccessRule.NOT_YOUR_SCHOOL))
                .expectNoEvents();
    }

    @Test
    void aPrincipalOfAnotherSchoolIsRefused() {
        fixture.given(opened(signal("sig-1")))
                .when(new ConsultColleague(CASE_ID, null, OTHER_PRINCIPAL, day(1), colleagueConsultation()), CommandAuthority.of(List.of("school-c")))
                .expectException(violates(AccessRule.NOT_YOUR_SCHOOL))
                .expectNoEvents();
    }

    @Test
    void theAdvisorOfThePairedSchoolNamedInTheTeamActs() {
        fixture.given(opened(signal("sig-1")))
                .when(new ConsultColleague(CASE_ID, null, ADVISOR, day(1), colleagueConsultation()), CommandAuthority.of(List.of("school-b")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherAdvisorOfThePairedSchoolIsRefused() {
        Actor otherAdvisor = new Actor("af-other", Role.ADVISOR);
        fixture.given(opened(signal("sig-1")))
                .when(new ConsultColleague(CASE_ID, null, otherAdvisor, day(1), colleagueConsultation()), CommandAuthority.of(List.of("school-b")))
                .expectException(violates(AccessRule.NOT_YOUR_SCHOOL))
                .expectNoEvents();
    }

    @Test
    void aCaseCannotBeOpenedForAnotherSchool() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(signal("sig-1"))), CommandAuthority.of(List.of("school-b")))
                .expectException(violates(AccessRule.NOT_YOUR_SCHOOL))
                .expectNoEvents();
    }
}
