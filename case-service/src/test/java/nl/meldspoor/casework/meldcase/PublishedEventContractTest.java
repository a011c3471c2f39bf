package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PRINCIPAL;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.TEACHER;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.ChildConversation;
import nl.meldspoor.api.meldcase.ChildConversationSkip;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ExpertConsultation;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.ExpertType;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.Reopening;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TalkWithChildSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import nl.meldspoor.platform.testing.EventContracts;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are facts forever: the stored JSON of every event revision is pinned in
 * {@code src/test/resources/contracts}. A change that alters the shape of a published event fails
 * here; the way forward is a new revision with an upcaster, not an edit of the fixture. Run with
 * {@code -Dcontracts.write=true} only to add the fixture of a new event or revision.
 */
class PublishedEventContractTest {

    private static final Path FIXTURES = Path.of("src/test/resources/contracts/meldcase");
    static Stream<MeldcodeCaseEvent> samples() {
        Stream<Object> histories = Stream.of(
                History.stepsOneToThree().consultedVeiligThuis().consent(nl.meldspoor.api.meldcase.ConsentAnswer.GIVEN)
                        .suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).feedback().helpStarted()
                        .helpEvaluated(true).events(),
                History.opened().skippedParents(ParentContactSkipReason.DISCLOSURE).events())
                .flatMap(Stream::of);
        Stream<Object> others = Stream.of(
                new SignalAttached(CASE_ID, SCHOOL, PUPIL, IB, day(1), CaseTestData.signal("sig-2", SignalFlag.DISCLOSURE)),
                new TeacherInvolved(CASE_ID, SCHOOL, PUPIL, IB, day(1), TEACHER.personId()),
                new AttachedSignalCorrected(CASE_ID, SCHOOL, PUPIL, TEACHER, day(2), "corr-1", "sig-1", CaseTestData.content(), "Preciezer."),
                new ExpertConsulted(CASE_ID, SCHOOL, PUPIL, IB, day(1), new ExpertConsultation(day(1), ExpertType.LEC_EGG,
                        "LEC EGG", true, "Signalen van eergerelateerd geweld?", "Neem contact op met Veilig Thuis.")),
                new ChildTalkedTo(CASE_ID, SCHOOL, PUPIL, IB, day(2), new ChildConversation(day(2), List.of(IB.personId()), "Papa is boos.")),
                new TalkWithChildSkipped(CASE_ID, SCHOOL, PUPIL, IB, day(2), new ChildConversationSkip("Kind is 4 jaar.")),
                new InformingParentsOfReportSkipped(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(9), CaseTestData.skip(ParentContactSkipReason.HONOUR_RELATED)),
                new nl.meldspoor.api.meldcase.ReportDecisionSentBack(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(9),
                        new nl.meldspoor.api.meldcase.ReportDecisionSendBack("Eerst de kindcheck afronden."), CaseTestData.decision(true, false)),
                new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), new Closure(CaseOutcome.NO_SUSPICION, "Ongegrond.", true, null)),
                new CaseReopened(CASE_ID, SCHOOL, PUPIL, IB, day(40), new Reopening("Nieuw signaal.", List.of(CaseTestData.signal("sig-3")))),
                new CaseTextErased(CASE_ID, SCHOOL, PUPIL, nl.meldspoor.api.common.Retention.ERASER, day(1900), day(20), java.time.Period.ofYears(5)));
        return Stream.concat(histories, others).map(MeldcodeCaseEvent.class::cast)
                .collect(Collectors.toMap(Object::getClass, event -> event, (first, second) -> first))
                .values().stream();
    }

    @Test
    void everyPublishedEventHasARevisionAndAPinnedFixture() {
        Set<String> sampled = samples().map(event -> event.getClass().getName()).collect(Collectors.toSet());
        List<JavaClass> events = new ClassFileImporter().importPackages("nl.meldspoor.api.meldcase").stream()
                .filter(type -> type.isAssignableTo(MeldcodeCaseEvent.class) && !type.isInterface())
                .toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(23);
        for (JavaClass event : events) {
            assertThat(event.isAnnotatedWith(Revision.class)).as(event.getSimpleName() + " has a @Revision").isTrue();
            assertThat(sampled).as(event.getSimpleName() + " has a sample in this test").contains(event.getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theStoredShapeOfEachEventIsPinned(MeldcodeCaseEvent sample) {
        EventContracts.assertPinned(sample, FIXTURES);
    }

    /** Revision 2 of several events seals texts that revision 1 held in plain: the stored shape is the same, so the old JSON still reads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theEarlierRevisionsOfEachEventStillRead(MeldcodeCaseEvent sample) {
        EventContracts.assertEarlierRevisionsRead(sample, FIXTURES);
    }
}
