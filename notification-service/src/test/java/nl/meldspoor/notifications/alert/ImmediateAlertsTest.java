package nl.meldspoor.notifications.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import org.junit.jupiter.api.Test;

class ImmediateAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Messages messages = new Messages(TestOrganisation.staff());
    private final ImmediateAlerts alerts = new ImmediateAlerts(
            TestOrganisation.recipients(TestOrganisation.directory(), Clock.fixed(NOW, ZoneOffset.UTC)), messages);

    private static PublishedEvent signal(SignalCategory category, SignalFlag... flags) {
        return PupilHistoryBuilder.pupil("gezin-1").signal("school-a", NOW, category, flags).published().get(0);
    }

    @Test
    void aDisclosureAlertsTheCareTeamAndThePrincipalAtOnce() {
        PublishedEvent disclosure = signal(SignalCategory.SOCIAL_EMOTIONAL, SignalFlag.DISCLOSURE);

        List<Alert> raised = alerts.of(disclosure);

        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.URGENT_SIGNAL);
            assertThat(alert.recipients()).containsExactlyInAnyOrder("ib-a", "af-a", "af-b", "dir-a");
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
            assertThat(alert.recipients()).containsExactlyInAnyOrder("ib-a", "af-a", "af-b");
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

    @Test
    void anUrgentSignalAlertsTheSameWayFromThePupilFileAndFromACase() {
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-2").signal("school-a", NOW, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        AttachedSignal escalated = pupil.attachedSignal(0);
        PublishedEvent recorded = pupil.published().get(0);
        PublishedEvent opened = CaseHistoryBuilder.openedWith("school-a", NOW.plusSeconds(60), pupil.pupilRef(), escalated).published().get(0);

        Alert fromPupilFile = alerts.of(recorded).get(0);
        Alert fromCase = alerts.of(opened).get(0);

        assertThat(fromCase.type()).isEqualTo(NotificationType.URGENT_SIGNAL);
        assertThat(fromCase.recipients()).containsExactlyInAnyOrder("ib-a", "af-a", "af-b", "dir-a");
        assertThat(fromCase.onceKey()).as("one signal, one key, whichever door").isEqualTo(fromPupilFile.onceKey())
                .isEqualTo("urgent-signal:school-a:" + escalated.signalId());
        assertThat(fromCase.reference()).isEqualTo(fromPupilFile.reference());
        assertThat(fromCase.sourceKey()).isNotEqualTo(fromPupilFile.sourceKey());
    }

    @Test
    void anUrgentSignalRecordedStraightIntoACaseAlertsWhenItOpensTheCaseOrIsAttachedToIt() {
        AttachedSignal atOpening = CaseHistoryBuilder.signal("sig-open", NOW.minusSeconds(600), SignalFlag.HONOUR_RELATED);
        AttachedSignal attachedLater = CaseHistoryBuilder.signal("sig-later", NOW, SignalFlag.DISCLOSURE);
        AttachedSignal ordinary = CaseHistoryBuilder.signal("sig-ordinary", NOW);
        List<PublishedEvent> history = CaseHistoryBuilder.openedWith("school-a", NOW, "pupil-9", atOpening, ordinary)
                .signalAttached(ordinary).signalAttached(attachedLater).published();

        assertThat(alerts.of(history.get(0))).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.URGENT_SIGNAL);
            assertThat(alert.onceKey()).isEqualTo("urgent-signal:school-a:sig-open");
            assertThat(alert.body()).contains("Veilig Thuis").contains("leerling pupil-9, signaal sig-open");
        });
        assertThat(alerts.of(history.get(1))).as("a signal without a flag").isEmpty();
        assertThat(alerts.of(history.get(2))).singleElement().extracting(Alert::onceKey).isEqualTo("urgent-signal:school-a:sig-later");
    }

    @Test
    void anAlertForAnOldEventSaysItIsLateAndWhenTheEventWasRecorded() {
        Instant recordedAt = Instant.parse("2026-11-02T08:30:00Z");
        Alert onTime = alerts.of(IncidentHistoryBuilder.meldplicht("school-a", NOW).published().get(0)).get(0);

        Alert late = messages.late(onTime, recordedAt);

        assertThat(onTime.late()).isFalse();
        assertThat(late.late()).isTrue();
        assertThat(late.body()).startsWith("Let op: dit incident is al op maandag 2 november 2026 om 09:30 vastgelegd; deze melding komt te laat.")
                .endsWith(onTime.body());
        assertThat(late.subject()).isEqualTo(onTime.subject() + " (te laat)");
        assertThat(late.recipients()).isEqualTo(onTime.recipients());
        assertThat(late.sourceKey()).as("still the same notification: a replay cannot raise it twice").isEqualTo(onTime.sourceKey());
        assertThat(messages.late(alerts.of(signal(SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE)).get(0), recordedAt).body())
                .startsWith("Let op: dit signaal is al op maandag 2 november 2026 om 09:30 vastgelegd");
    }
}
