package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.KNOWN;
import static nl.meldspoor.signals.incident.IncidentTestData.PRINCIPAL;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.TEACHER;
import static nl.meldspoor.signals.incident.IncidentTestData.day;
import static nl.meldspoor.signals.incident.IncidentTestData.minutes;
import static nl.meldspoor.signals.incident.IncidentTestData.parentsInformed;

import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.RecordParentsInformed;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InformingTheParentsTest {

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static RecordParentsInformed inform(Actor actor, ParentsInformed informed) {
        return new RecordParentsInformed(INCIDENT_ID, null, actor, day(1), informed);
    }

    @Test
    void theTeacherTellsTheParentsTheSameDayByPhoneAfterASmallIncident() {
        ParentsInformed byPhone = parentsInformed(ParentContactMethod.PHONE_SAME_DAY, minutes(240));
        fixture.given(History.unsafeBehaviour().events())
                .when(inform(TEACHER, byPhone))
                .expectEvents(new ParentsInformedOfIncident(INCIDENT_ID, SCHOOL, TEACHER, day(1), byPhone));
    }

    @Test
    void afterASeriousIncidentTheParentsAreAlsoInvitedToAMeetingWithThePrincipal() {
        ParentsInformed meeting = parentsInformed(ParentContactMethod.MEETING_WITH_PRINCIPAL, day(1));
        fixture.given(History.bullying().parentsInformed(ParentContactMethod.PHONE_SAME_DAY, minutes(240)).events())
                .when(inform(PRINCIPAL, meeting))
                .expectEvents(new ParentsInformedOfIncident(INCIDENT_ID, SCHOOL, PRINCIPAL, day(1), meeting));
    }

    @Test
    void theParentsCannotHaveBeenInformedBeforeTheSchoolKnew() {
        fixture.given(History.bullying().events())
                .when(inform(TEACHER, parentsInformed(ParentContactMethod.PHONE_SAME_DAY, KNOWN.minusSeconds(1))))
                .expectException(violates(IncidentRule.MOMENT_BEFORE_KNOWN, "informedAt"))
                .expectNoEvents();
    }

    @Test
    void informingTheParentsCannotLieAfterItsRecording() {
        fixture.given(History.bullying().events())
                .when(inform(TEACHER, parentsInformed(ParentContactMethod.PHONE_SAME_DAY, day(2))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "informedAt"));
    }

    @Test
    void howTheParentsWereInformedIsRequired() {
        fixture.given(History.bullying().events())
                .when(inform(TEACHER, parentsInformed(null, minutes(240))))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, "how"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONFIDANT", "BOARD_OFFICER", "CLUSTER_DIRECTOR", "AUDITOR"})
    void theSchoolInformsTheParents(Role role) {
        fixture.given(History.bullying().events())
                .when(inform(new Actor("person-1", role), parentsInformed(ParentContactMethod.LETTER, minutes(240))))
                .expectException(violates(IncidentRule.ROLE_NOT_PERMITTED))
                .expectNoEvents();
    }
}
