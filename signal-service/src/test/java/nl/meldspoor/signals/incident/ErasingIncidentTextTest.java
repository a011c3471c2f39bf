package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.PRINCIPAL;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.closure;
import static nl.meldspoor.signals.incident.IncidentTestData.day;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RetentionRule;
import nl.meldspoor.api.incident.EraseIncidentText;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crypto-shredding of an incident (DOMAIN.md §7): only after its retention period, counted from closing. */
class ErasingIncidentTextTest {

    private static final Period TWO_YEARS = Period.ofYears(2);
    private static final Instant CLOSED_AT = day(10);
    private static final Instant DUE = CLOSED_AT.atZone(ZoneId.of("Europe/Amsterdam")).plus(TWO_YEARS).toInstant();

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void anIncidentClosedForLongerThanItsRetentionPeriodLosesItsText() {
        fixture.given(History.unsafeBehaviour().events())
                .andGiven(new IncidentClosed(INCIDENT_ID, SCHOOL, PRINCIPAL, CLOSED_AT, closure()))
                .when(new EraseIncidentText(INCIDENT_ID, TWO_YEARS, DUE))
                .expectEvents(new IncidentTextErased(INCIDENT_ID, SCHOOL, Retention.ERASER, DUE, CLOSED_AT, TWO_YEARS));
    }

    @Test
    void noTextIsErasedBeforeTheRetentionPeriodHasPassed() {
        fixture.given(History.unsafeBehaviour().events())
                .andGiven(new IncidentClosed(INCIDENT_ID, SCHOOL, PRINCIPAL, CLOSED_AT, closure()))
                .when(new EraseIncidentText(INCIDENT_ID, TWO_YEARS, DUE.minusSeconds(1)))
                .expectException(violates(RetentionRule.RETENTION_NOT_PASSED))
                .expectNoEvents();
    }

    @Test
    void theTextOfAnOpenIncidentIsKept() {
        fixture.given(History.unsafeBehaviour().events())
                .when(new EraseIncidentText(INCIDENT_ID, TWO_YEARS, day(3650)))
                .expectException(violates(RetentionRule.RETENTION_NOT_STARTED))
                .expectNoEvents();
    }

    @Test
    void textIsErasedOnce() {
        fixture.given(History.unsafeBehaviour().events())
                .andGiven(new IncidentClosed(INCIDENT_ID, SCHOOL, PRINCIPAL, CLOSED_AT, closure()),
                        new IncidentTextErased(INCIDENT_ID, SCHOOL, Retention.ERASER, DUE, CLOSED_AT, TWO_YEARS))
                .when(new EraseIncidentText(INCIDENT_ID, TWO_YEARS, DUE.plusSeconds(60)))
                .expectException(violates(RetentionRule.NOTHING_TO_ERASE))
                .expectNoEvents();
    }
}
