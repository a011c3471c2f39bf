package nl.meldspoor.signals.pupil;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.BodyMark;
import nl.meldspoor.api.signal.BodyRegion;
import nl.meldspoor.api.signal.BodySide;
import nl.meldspoor.api.signal.BodyView;
import nl.meldspoor.api.signal.CorrectionAnswer;
import nl.meldspoor.api.signal.InjuryColour;
import nl.meldspoor.api.signal.InjuryKind;
import nl.meldspoor.api.signal.CorrectionRequest;
import nl.meldspoor.api.signal.CorrectionRequestAnswered;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.InformationSource;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.ParentViewAdded;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrectionRequested;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.PupilFileTextErased;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.platform.testing.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stored shape of every pupil-file event revision is pinned in {@code src/test/resources/contracts/signal}. */
class PupilFileEventContractTest {

    private static final Path FIXTURES = Path.of("src/test/resources/contracts/signal");
    private static final Instant T = Instant.parse("2026-11-09T10:00:00Z");
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);

    private static final SignalContent CONTENT = new SignalContent(T.minusSeconds(3600), "speelplaats", "pauze",
            List.of(new Statement("Blauwe plek op de wang.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null),
                    new Statement("Buurvrouw hoorde geschreeuw.", StatementKind.INTERPRETATION, InformationOrigin.THIRD_PARTY,
                            new InformationSource("buurvrouw", true))),
            List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(SignalFlag.DISCLOSURE), List.of("NJI-6.1"), TEACHER);

    static Stream<PupilFileEvent> samples() {
        CorrectionRequest request = new CorrectionRequest("beide ouders", LocalDate.of(2026, 11, 12), true, "Klopt niet.");
        return Stream.of(
                new SignalRecorded("pupil-1", "school-a", TEACHER, T, "sig-1", "family-3", CONTENT, true, List.of(
                        new BodyMark(BodyRegion.ARM, BodyView.FRONT, BodySide.LEFT, InjuryKind.BRUISE, 3.5, InjuryColour.BLUE,
                                "Blauwe plek, ovaal, aan de binnenkant van de bovenarm."),
                        new BodyMark(BodyRegion.BACK, BodyView.BACK, null, InjuryKind.OTHER, null, null, null))),
                new SignalCorrected("pupil-1", "school-a", TEACHER, T, "sig-1", CONTENT, "Preciezer.", "req-1"),
                new ParentViewAdded("pupil-1", "school-a", IB, T, "sig-1", new ParentView("moeder", LocalDate.of(2026, 11, 10), "Gevallen.")),
                new SignalCorrectionRequested("pupil-1", "school-a", IB, T, "sig-1", "req-1", request, LocalDate.of(2026, 12, 10)),
                new CorrectionRequestAnswered("pupil-1", "school-a", IB, T, "sig-1", "req-1",
                        new CorrectionAnswer(true, "Toegekend.", LocalDate.of(2026, 11, 20), CONTENT), false),
                new SignalsEscalated("pupil-1", "school-a", IB, T, "case-7", "family-3", new CaseTeam("ib-anna", "af-bram", "school-b", "dir-carla"),
                        "Zorgen.", List.of(new AttachedSignal("sig-1", CONTENT))),
                new PupilFileTextErased("pupil-1", "school-a", nl.meldspoor.api.common.Retention.ERASER, T.plusSeconds(63_158_400), T,
                        java.time.Period.ofYears(2)));
    }

    @Test
    void everyPupilFileEventHasARevisionAndAPinnedFixture() {
        List<Class<?>> events = new ClassFileImporter().importPackages("nl.meldspoor.api.signal").stream()
                .filter(type -> type.isAssignableTo(PupilFileEvent.class) && !type.isInterface())
                .<Class<?>>map(type -> type.reflect())
                .toList();
        EventContracts.assertEverySampled(events, samples().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theStoredShapeOfEachEventIsPinned(PupilFileEvent sample) {
        EventContracts.assertPinned(sample, FIXTURES);
    }

    /** Revision 3 of {@code SignalRecorded} added the body map: a signal stored before it reads with no marks, through the upcaster. */
    @Test
    void aSignalRecordedBeforeTheBodyMapReadsWithoutMarks() throws Exception {
        for (String revision : List.of("1", "2")) {
            var stored = (com.fasterxml.jackson.databind.node.ObjectNode) EventContracts.JSON.readTree(
                    FIXTURES.resolve("SignalRecorded.v" + revision + ".json").toFile());
            var upcast = nl.meldspoor.platform.upcasting.PublishedLanguageUpcasters.upcast(SignalRecorded.class.getName(), revision, "3", stored);
            org.assertj.core.api.Assertions.assertThat(upcast).as("a path from revision " + revision).isPresent();
            SignalRecorded read = EventContracts.JSON.treeToValue(upcast.get(), SignalRecorded.class);
            org.assertj.core.api.Assertions.assertThat(read.bodyMap()).isEmpty();
            org.assertj.core.api.Assertions.assertThat(read.content()).isEqualTo(CONTENT);
        }
    }

    /** Revision 2 of several events seals texts that revision 1 held in plain: the stored shape is the same, so the old JSON still reads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theEarlierRevisionsOfEachEventStillRead(PupilFileEvent sample) {
        EventContracts.assertEarlierRevisionsRead(sample, FIXTURES);
    }
}
