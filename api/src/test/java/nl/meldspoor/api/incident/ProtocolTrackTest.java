package nl.meldspoor.api.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolTrackTest {

    private static final InvolvedParty PUPIL = new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1");
    private static final InvolvedParty OTHER_PUPIL = new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "pupil-2");
    private static final InvolvedParty STAFF = new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-1");

    @ParameterizedTest
    @EnumSource(value = IncidentType.class, names = {"SERIOUS_BULLYING", "CYBERBULLYING_OR_ONLINE_THREATS"})
    void bullyingAndCyberbullyingFollowTheFiveStepApproach(IncidentType type) {
        assertThat(ProtocolTrack.of(type, List.of(PUPIL, OTHER_PUPIL))).isEqualTo(ProtocolTrack.BULLYING);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentType.class, names = {"SERIOUS_BULLYING", "CYBERBULLYING_OR_ONLINE_THREATS", "SEXUAL_OFFENCE_BY_STAFF"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyOtherIncidentAmongPupilsFollowsTheActionsAgainstUnsafeBehaviour(IncidentType type) {
        assertThat(ProtocolTrack.of(type, List.of(PUPIL, OTHER_PUPIL))).isEqualTo(ProtocolTrack.UNSAFE_BEHAVIOUR);
    }

    @Test
    void aSexualOffenceByStaffFallsUnderTheMeldplichtWhoeverIsNamed() {
        assertThat(ProtocolTrack.of(IncidentType.SEXUAL_OFFENCE_BY_STAFF, List.of(PUPIL))).isEqualTo(ProtocolTrack.MELDPLICHT);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentType.class, names = {"SEXUAL_ABUSE", "SEXUAL_HARASSMENT"})
    void sexualAbuseOrHarassmentByAStaffMemberFallsUnderTheMeldplicht(IncidentType type) {
        assertThat(ProtocolTrack.of(type, List.of(PUPIL, STAFF))).isEqualTo(ProtocolTrack.MELDPLICHT);
    }

    @Test
    void otherIncidentsWithAStaffPerpetratorStayOnTheirOwnTrack() {
        assertThat(ProtocolTrack.of(IncidentType.PHYSICAL_VIOLENCE, List.of(PUPIL, STAFF))).isEqualTo(ProtocolTrack.UNSAFE_BEHAVIOUR);
        assertThat(ProtocolTrack.of(IncidentType.SERIOUS_BULLYING, List.of(PUPIL, STAFF))).isEqualTo(ProtocolTrack.BULLYING);
    }

    @Test
    void everyTypeStepAndTrackHasADutchLabel() {
        assertThat(IncidentType.values()).allSatisfy(type -> assertThat(type.label()).isNotBlank());
        assertThat(ProtocolTrack.values()).allSatisfy(track -> assertThat(track.label()).isNotBlank());
        assertThat(BullyingStep.INVOLVE_PARENTS_WITH_CONTRACT.number()).isEqualTo(5);
        assertThat(UnsafeBehaviourAction.TIME_OUT_SUSPENSION_EXPULSION.number()).isEqualTo(5);
        assertThat(MeldplichtStep.BOARD_INFORMED.next()).contains(MeldplichtStep.INSPECTOR_CONSULTED);
        assertThat(MeldplichtStep.POLICE_REPORT_FILED.next()).isEmpty();
    }
}
