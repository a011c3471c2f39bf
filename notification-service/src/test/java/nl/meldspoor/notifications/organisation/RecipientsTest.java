package nl.meldspoor.notifications.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.notifications.FakeStaffDirectory;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.platform.security.StaffDirectoryNotLoadedException;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final FakeStaffDirectory directory = TestOrganisation.directory();
    private final Recipients recipients = TestOrganisation.recipients(directory, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anUrgentSignalGoesToWhoeverHoldsIbAfOrPrincipalAtTheSchoolAndThePairedAf() {
        assertThat(recipients.of(NotificationType.URGENT_SIGNAL, "school-a")).containsExactlyInAnyOrder("ib-a", "af-a", "af-b", "dir-a");
        assertThat(recipients.of(NotificationType.URGENT_SIGNAL, "school-d")).containsExactlyInAnyOrder("ib-d", "dir-d");
    }

    @Test
    void aHomeSituationSignalGoesToTheIbAndTheAfNotThePrincipal() {
        assertThat(recipients.of(NotificationType.HOME_SITUATION_SIGNAL, "school-a")).containsExactlyInAnyOrder("ib-a", "af-a", "af-b");
    }

    @Test
    void incidentsGoToTheBoardOfficersOrThePrincipal() {
        assertThat(recipients.of(NotificationType.MELDPLICHT_INCIDENT, "school-a")).containsExactly("bo-bestuur");
        assertThat(recipients.of(NotificationType.SERIOUS_INCIDENT, "school-a")).containsExactly("dir-a");
    }

    @Test
    void aGrantedRoleMakesItsHolderARecipientOfTheNextAlert() {
        directory.grant("ib-nieuw", Role.CARE_COORDINATOR, "school-a");

        assertThat(recipients.of(NotificationType.URGENT_SIGNAL, "school-a")).contains("ib-nieuw");
        assertThat(recipients.refusal(NotificationType.URGENT_SIGNAL, "school-a", "ib-nieuw")).isEmpty();
    }

    @Test
    void aRevokedRoleIsNoLongerAlertedAndSaysWhyNot() {
        directory.revoke("ib-a", Role.CARE_COORDINATOR, "school-a");

        assertThat(recipients.of(NotificationType.URGENT_SIGNAL, "school-a")).doesNotContain("ib-a");
        assertThat(recipients.refusal(NotificationType.URGENT_SIGNAL, "school-a", "ib-a")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("Niet verstuurd: ib-a").contains("intern begeleider van OBS De Vlinder"));
    }

    @Test
    void aRoleAtAnotherSchoolOrAnotherRoleAtTheSchoolDoesNotCount() {
        assertThat(recipients.refusal(NotificationType.URGENT_SIGNAL, "school-a", "lk-a")).as("a teacher").isPresent();
        assertThat(recipients.refusal(NotificationType.URGENT_SIGNAL, "school-a", "ib-b")).as("IB'er elsewhere").isPresent();
        assertThat(recipients.refusal(NotificationType.SERIOUS_INCIDENT, "school-a", "ib-a")).as("not the principal").isPresent();
    }

    @Test
    void aRoleThatHasEndedIsNoLongerAlerted() {
        directory.grant("ib-tijdelijk", Role.CARE_COORDINATOR, "school-a", LocalDate.parse("2026-11-22"));

        assertThat(recipients.of(NotificationType.URGENT_SIGNAL, "school-a")).doesNotContain("ib-tijdelijk");
    }

    @Test
    void aCaseReminderGoesToTheTeamMembersStillOnTheSchoolAndToThePrincipalForOneWhoLeft() {
        assertThat(recipients.ofCaseTeam(NotificationType.VEILIG_THUIS_FEEDBACK_MISSING, "school-a", List.of("ib-a", "dir-a")))
                .containsExactlyInAnyOrder("ib-a", "dir-a");

        directory.revoke("ib-a", Role.CARE_COORDINATOR, "school-a");

        assertThat(recipients.ofCaseTeam(NotificationType.CASE_INACTIVE_REMINDER, "school-a", List.of("ib-a"))).containsExactly("dir-a");
    }

    @Test
    void aRevokedPrincipalsEscalationGoesToTheSchoolsPrincipalNow() {
        directory.revoke("dir-a", Role.PRINCIPAL, "school-a").grant("dir-nieuw", Role.PRINCIPAL, "school-a");

        assertThat(recipients.ofCaseTeam(NotificationType.CASE_INACTIVE_ESCALATION, "school-a", List.of("dir-a"))).containsExactly("dir-nieuw");
    }

    @Test
    void nobodyIsResolvedWhileTheDirectoryIsStillLoading() {
        directory.loading();

        assertThatThrownBy(() -> recipients.of(NotificationType.URGENT_SIGNAL, "school-a")).isInstanceOf(StaffDirectoryNotLoadedException.class);
        assertThatThrownBy(() -> recipients.refusal(NotificationType.URGENT_SIGNAL, "school-a", "ib-a"))
                .isInstanceOf(StaffDirectoryNotLoadedException.class);
    }
}
