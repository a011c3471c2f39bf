package nl.meldspoor.signals.incident.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import org.junit.jupiter.api.Test;

class IncidentStatesTest {

    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor BOARD = new Actor("bestuur-bas", Role.BOARD_OFFICER);
    /** 09:00 in Amsterdam; the school knew at 09:30. */
    private static final Instant HAPPENED = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant KNOWN = HAPPENED.plus(Duration.ofMinutes(30));

    private final List<RecordedIncidentEvent> events = new ArrayList<>();

    private void given(IncidentEvent event) {
        events.add(new RecordedIncidentEvent("event-" + events.size(), events.size(), event.occurredAt(), event));
    }

    private void recorded(IncidentType type, Severity severity, InvolvedParty... parties) {
        IncidentReport report = new IncidentReport("school-a", HAPPENED, KNOWN, "plein", type, severity, List.of(parties),
                "Wat er gebeurde.", "Direct ingegrepen.", null, false, null, null);
        ProtocolTrack track = ProtocolTrack.of(report);
        given(new IncidentRecorded("incident-1", "school-a", TEACHER, KNOWN.plusSeconds(600), report, track, track == ProtocolTrack.MELDPLICHT));
    }

    private void meldplichtStep(MeldplichtStep step, Instant at, Boolean suspicion, Boolean fileReport) {
        MeldplichtStepDetails details = new MeldplichtStepDetails(step, at, List.of("bestuur"), null, suspicion, fileReport,
                fileReport == null ? null : "Onderbouwing.", null);
        given(new MeldplichtStepTaken("incident-1", "school-a", step == MeldplichtStep.BOARD_INFORMED ? TEACHER : BOARD, at, details,
                (int) Duration.between(KNOWN, at).toMinutes()));
    }

    @Test
    void aMeldplichtIncidentShowsTheTimeToTheBoardAndTheStepDueNext() {
        recorded(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1"), new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-1"));
        meldplichtStep(MeldplichtStep.BOARD_INFORMED, KNOWN.plus(Duration.ofMinutes(95)), null, null);
        meldplichtStep(MeldplichtStep.INSPECTOR_CONSULTED, KNOWN.plus(Duration.ofHours(5)), false, null);

        IncidentStateView state = IncidentStates.view(events);

        assertThat(state.meldplicht()).isTrue();
        assertThat(state.version()).isEqualTo(2);
        assertThat(state.meldplichtTrack().minutesFromFirstKnowledgeToBoard()).isEqualTo(95);
        assertThat(state.meldplichtTrack().reasonableSuspicion()).isFalse();
        assertThat(state.meldplichtTrack().nextStep()).isEqualTo(MeldplichtStep.POLICE_REPORT_DECIDED);
        assertThat(state.meldplichtTrack().complete()).isFalse();
        assertThat(state.nextSteps()).first().asString().contains("stap 3").contains("centrale contactpersoon van het bestuur");
        assertThat(IncidentView.of(events, null).timeline().get(1).summary()).contains("1 uur en 35 minuten nadat de school het wist");
    }

    @Test
    void withoutADecisionToFileTheMeldplichtEndsWhenThePartiesAreInformed() {
        recorded(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS, new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-1"));
        meldplichtStep(MeldplichtStep.BOARD_INFORMED, KNOWN.plus(Duration.ofMinutes(10)), null, null);
        meldplichtStep(MeldplichtStep.INSPECTOR_CONSULTED, KNOWN.plus(Duration.ofHours(1)), false, null);
        meldplichtStep(MeldplichtStep.POLICE_REPORT_DECIDED, KNOWN.plus(Duration.ofHours(2)), null, false);
        meldplichtStep(MeldplichtStep.PARTIES_INFORMED, KNOWN.plus(Duration.ofHours(3)), null, null);

        IncidentStateView state = IncidentStates.view(events);

        assertThat(state.meldplichtTrack().nextStep()).isNull();
        assertThat(state.meldplichtTrack().complete()).isTrue();
        assertThat(state.nextSteps()).containsExactly("De meldplicht is doorlopen; het incident kan worden afgesloten.");
    }

    @Test
    void bullyingStepsAreShownInTheOrderTheyWereTakenWithWhatIsStillOpen() {
        recorded(IncidentType.SERIOUS_BULLYING, Severity.MINOR,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1"), new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "pupil-2"));
        given(new BullyingStepTaken("incident-1", "school-a", TEACHER, KNOWN.plus(Duration.ofDays(1)), new BullyingStepDetails(
                BullyingStep.TALK_WITH_BULLY, KNOWN.plus(Duration.ofDays(1)), List.of("ouders"), null)));
        given(new BullyingStepTaken("incident-1", "school-a", TEACHER, KNOWN.plus(Duration.ofDays(2)), new BullyingStepDetails(
                BullyingStep.TALK_WITH_BULLIED_PUPIL, KNOWN.plus(Duration.ofHours(2)), List.of("ouders", "directie"), null)));

        IncidentStateView state = IncidentStates.view(events);

        assertThat(state.steps()).extracting(IncidentStateView.StepView::step).containsExactly("TALK_WITH_BULLIED_PUPIL", "TALK_WITH_BULLY");
        assertThat(state.steps().get(0).informed()).containsExactly("ouders", "directie");
        assertThat(state.meldplichtTrack()).isNull();
        assertThat(state.nextSteps()).containsExactly(
                "Breng de ouders dezelfde dag telefonisch op de hoogte.",
                "Vijfstappenaanpak, nog niet gezet: stap 3 (ondersteuning voor gepeste en pester), stap 4 (de zwijgende middengroep "
                        + "mobiliseren), stap 5 (ouders betrekken, met een kindcontract). Houd na elke stap ouders, directie en "
                        + "gedragscoördinator op de hoogte.");
    }

    @Test
    void whetherTheParentsWereToldOnTheDayTheSchoolKnewIsJudgedInDutchTime() {
        recorded(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1"));
        Instant lateThatEvening = Instant.parse("2026-11-02T22:30:00Z");
        Instant afterMidnightInAmsterdam = Instant.parse("2026-11-02T23:30:00Z");
        given(new ParentsInformedOfIncident("incident-1", "school-a", TEACHER, afterMidnightInAmsterdam,
                new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, lateThatEvening, null)));
        given(new ParentsInformedOfIncident("incident-1", "school-a", TEACHER, afterMidnightInAmsterdam,
                new ParentsInformed(ParentContactMethod.LETTER, afterMidnightInAmsterdam, null)));

        IncidentStateView state = IncidentStates.view(events);

        assertThat(state.parentsInformed()).extracting(IncidentStateView.ParentsInformedView::sameDayAsKnown).containsExactly(true, false);
        assertThat(state.nextSteps()).containsExactly("Leg vast welke actie de school neemt (actie 1 tot en met 5) en wie daarover is geïnformeerd.");
    }
}
