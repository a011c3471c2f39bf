package nl.meldspoor.notifications.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import org.junit.jupiter.api.Test;

class ImmediateAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ImmediateAlerts alerts = new ImmediateAlerts(TestOrganisation.staff(), new Messages(TestOrganisation.staff()));

    private static PublishedEvent signal(SignalCategory category, SignalFlag... flags) {
        return PupilHistoryBuilder.pupil("gezin-1").signal("school-a", NOW, category, flags).published().get(0);
    }

    @Test
    void aDisclosureAlertsTheCareTeamAndThePrincipalAtOnce() {
        PublishedEvent disclosure = signal(SignalCategory.SOCIAL_EMOTIONAL, SignalFlag.DISCLOSURE);

        List<Alert> raised = alerts.of(disclosure);

        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.URGENT_SIGNAL);
            assertThat(alert.recipients()).containsExactlyInAnyOrder("ib-a", "af-b", "dir-a");
            assertThat(alert.sourceKey()).isEqualTo(disclosure.eventId());
            assertThat(alert.body()).contains("Veilig Thuis").contains("niet eerst een gesprek met de ouders");
        });
    }

    @Test
    void honourRelatedViolenceIsUrgentToo() {
        assertThat(alerts.of(signal(SignalCategory.HOME_SITUATION, SignalFlag.HONOUR_RELATED)))
                .singleElement().extracting(Alert::type).isEqualTo(NotificationType.URGENT_SIGNAL);
    }

    @Test
    void aSignalAboutTheHomeSituationGoesToTheIbAndTheAf() {
        assertThat(alerts.of(signal(SignalCategory.HOME_SITUATION))).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.HOME_SITUATION_SIGNAL);
            assertThat(alert.recipients()).containsExactlyInAnyOrder("ib-a", "af-b");
        });
    }

    @Test
    void otherSignalsRaiseNothing() {
        assertThat(alerts.of(signal(SignalCategory.BULLYING))).isEmpty();
    }

    @Test
    void aMeldplichtIncidentGoesToTheBoardOfficerOnly() {
        assertThat(alerts.of(IncidentHistoryBuilder.meldplicht("school-a", NOW).published().get(0))).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.MELDPLICHT_INCIDENT);
            assertThat(alert.recipients()).containsExactly("bo-bestuur");
        });
    }

    @Test
    void aSeriousIncidentGoesToThePrincipalAndAMinorOneNowhere() {
        assertThat(alerts.of(IncidentHistoryBuilder.incident("school-a", NOW, IncidentType.WEAPON_STABBING, Severity.SERIOUS).published().get(0)))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.type()).isEqualTo(NotificationType.SERIOUS_INCIDENT);
                    assertThat(alert.recipients()).containsExactly("dir-a");
                });
        assertThat(alerts.of(IncidentHistoryBuilder.incident("school-a", NOW, IncidentType.THEFT, Severity.MINOR).published().get(0))).isEmpty();
    }

    @Test
    void theSubjectNamesTheSchoolAndNeverThePupil() {
        PublishedEvent disclosure = signal(SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        String pupilRef = disclosure.aggregateId();

        Alert alert = alerts.of(disclosure).get(0);

        assertThat(alert.subject()).contains("OBS De Vlinder").doesNotContain(pupilRef);
        assertThat(alert.body()).contains(pupilRef).doesNotContain("Waarneming");
    }
}
