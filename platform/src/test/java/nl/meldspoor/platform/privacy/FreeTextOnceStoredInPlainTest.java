package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.Consent;
import nl.meldspoor.api.meldcase.ConsentAnswer;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.ExpertConsultation;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.ExpertType;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.HelpTask;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.signal.CorrectionRequest;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.ParentViewAdded;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrectionRequested;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts that events used to carry in plain — into the event store, onto Kafka for ever, into read
 * models and dead-letter topics — are sealed now, so erasing the record's key erases them too.
 */
class FreeTextOnceStoredInPlainTest {

    private static final Instant T = Instant.parse("2026-11-09T10:00:00Z");
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final String SECRET = "Sanne Jansen";

    private final PersonalDataSerializerTest.InMemoryKeys keys = new PersonalDataSerializerTest.InMemoryKeys();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(json).build(), () -> keys,
            "write-service");

    private static SignalContent content(List<String> othersPresent) {
        return new SignalContent(T.minusSeconds(3600), "speelplaats", "pauze",
                List.of(new Statement("Blauwe plek.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)), othersPresent,
                SignalCategory.HOME_SITUATION, Set.of(), List.of("NJI-6.1"), TEACHER);
    }

    static Stream<Arguments> eventsWithATextThatWasPlain() {
        String s = SECRET;
        return Stream.of(
                Arguments.of("SignalsEscalated.concern", new SignalsEscalated("pupil-1", "school-a", IB, T, "case-7", "family-3",
                        new CaseTeam("ib-anna", "af-bram", "school-b", "dir-carla"), "Zorgen om " + s, List.of(new AttachedSignal("sig-1", content(List.of()))))),
                Arguments.of("SignalCorrected.reason", new SignalCorrected("pupil-1", "school-a", IB, T, "sig-1", content(List.of()), "Moeder van " + s, null)),
                Arguments.of("ParentView.submittedBy", new ParentViewAdded("pupil-1", "school-a", IB, T, "sig-1",
                        new ParentView("moeder van " + s, LocalDate.of(2026, 11, 10), "Gevallen."))),
                Arguments.of("CorrectionRequest.requestedBy", new SignalCorrectionRequested("pupil-1", "school-a", IB, T, "sig-1", "req-1",
                        new CorrectionRequest("vader van " + s, LocalDate.of(2026, 11, 10), true, "Klopt niet."), LocalDate.of(2026, 12, 10))),
                Arguments.of("SignalContent.othersPresent", new SignalRecorded("pupil-1", "school-a", TEACHER, T, "sig-1", null, content(List.of("S.J.")), false)),
                Arguments.of("ColleagueConsultation.colleagueCapacity", new ColleagueConsulted("case-7", "school-a", "pupil-1", IB, T,
                        new ColleagueConsultation(T, "lk-gijs", "leerkracht van " + s, "De signalen.", SameSignals.YES, null))),
                Arguments.of("ExpertConsultation.expertDescription", new ExpertConsulted("case-7", "school-a", "pupil-1", IB, T,
                        new ExpertConsultation(T, ExpertType.values()[0], "jeugdarts van " + s, true, "Advies.", null))),
                Arguments.of("ParentConversation.parentsPresent", new ParentsTalkedTo("case-7", "school-a", "pupil-1", IB, T,
                        new ParentConversation(T, List.of("ib-anna"), List.of("moeder van " + s), "Zorgen.", "Reactie.", null, new Kindcheck(false, null)))),
                Arguments.of("ReportConversation.parentsPresent", new ParentsInformedOfReport("case-7", "school-a", "pupil-1", IB, T,
                        new ReportConversation(T, List.of("ib-anna"), List.of("vader van " + s), "Boos.", null))),
                Arguments.of("Consent.answeredBy", new ConsentRecorded("case-7", "school-a", "pupil-1", IB, T,
                        new Consent(T, ConsentAnswer.GIVEN, "ouders van " + s, "de jeugdarts van " + s, true, null))),
                Arguments.of("HelpTask.assignee", new HelpStarted("case-7", "school-a", "pupil-1", IB, T,
                        new HelpPlan(LocalDate.of(2026, 11, 10), "Hulp.", "Resultaat.", List.of(new HelpTask("buurvrouw van " + s, "Ophalen.")),
                                "ib-anna", LocalDate.of(2026, 12, 10)))),
                Arguments.of("BullyingStepDetails.informed", new BullyingStepTaken("inc-1", "school-a", IB, T,
                        new BullyingStepDetails(BullyingStep.values()[0], T, List.of("moeder van " + s), null))),
                Arguments.of("UnsafeBehaviourActionDetails.informed", new UnsafeBehaviourActionTaken("inc-1", "school-a", IB, T,
                        new UnsafeBehaviourActionDetails(UnsafeBehaviourAction.values()[0], T, List.of("vader van " + s), null))),
                Arguments.of("MeldplichtStepDetails.informed", new MeldplichtStepTaken("inc-1", "school-a", IB, T,
                        new MeldplichtStepDetails(MeldplichtStep.values()[0], T, List.of("oom van " + s), null, null, null, null, "PV-2026/113"), 30)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithATextThatWasPlain")
    void isStoredSealedAndReadsBackInPlain(String text, Object event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        String storedJson = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(storedJson).as(text + " in the stored event").doesNotContain("Sanne", "S.J.").contains(EncryptedText.PREFIX + "write-service:");
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }
}
