package nl.meldspoor.signals.pupil;

import static nl.meldspoor.platform.testing.Violations.violates;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.signal.BodyMark;
import nl.meldspoor.api.signal.BodyRegion;
import nl.meldspoor.api.signal.BodySide;
import nl.meldspoor.api.signal.BodyView;
import nl.meldspoor.api.signal.CorrectSignal;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.InjuryColour;
import nl.meldspoor.api.signal.InjuryKind;
import nl.meldspoor.api.signal.RecordSignal;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrection;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalRule;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.signals.pupil.state.PupilFiles;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Marks seen on a child's body are recorded with the signal as structured data (UI.md §4), never as a photo or a date of injury. */
class BodyMapTest {

    private static final String PUPIL = "pupil-9c1e";
    private static final String SCHOOL = "school-a";
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Instant T0 = Instant.parse("2026-11-09T10:00:00Z");
    private static final SignalContent CONTENT = new SignalContent(T0.minusSeconds(3600), "gymzaal", "omkleden",
            List.of(new Statement("Zegt dat papa haar slaat.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
            List.of(), SignalCategory.HOME_SITUATION, Set.of(SignalFlag.DISCLOSURE), List.of(), TEACHER);
    private static final BodyMark LEFT_ARM = new BodyMark(BodyRegion.ARM, BodyView.FRONT, BodySide.LEFT, InjuryKind.BRUISE, 4.0,
            InjuryColour.BLUE, "Vier ronde plekken op een rij.");

    private FixtureConfiguration<PupilFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PupilFile.class);
        fixture.registerInjectableResource(new RegisteredPupils().register(PUPIL, SCHOOL));
    }

    private static RecordSignal record(List<BodyMark> marks) {
        return new RecordSignal(PUPIL, null, TEACHER, T0, "sig-1", CONTENT, SCHOOL, "family-3", marks);
    }

    @Test
    void marksOnTheBodyMapAreRecordedWithTheSignal() {
        BodyMark face = new BodyMark(BodyRegion.FACE, BodyView.FRONT, null, InjuryKind.ABRASION, null, null, null);
        fixture.givenNoPriorActivity()
                .when(record(List.of(LEFT_ARM, face)))
                .expectEvents(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", CONTENT, true, List.of(LEFT_ARM, face)));
    }

    /** DOMAIN.md §2: bruise, burn, cut, bite, scratch, swelling, other; UI.md §4 adds the schaafwond. */
    @ParameterizedTest
    @EnumSource(InjuryKind.class)
    void everyKindOfInjuryTheMeldcodeNamesCanBeMarked(InjuryKind kind) {
        BodyMark mark = new BodyMark(BodyRegion.BACK, BodyView.BACK, BodySide.MIDDLE, kind, 3.0, null, null);
        fixture.givenNoPriorActivity()
                .when(record(List.of(mark)))
                .expectEvents(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", CONTENT, true, List.of(mark)));
    }

    @Test
    void aSignalWithoutMarksHasAnEmptyBodyMap() {
        fixture.givenNoPriorActivity()
                .when(record(null))
                .expectEvents(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", CONTENT, true, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = BodyRegion.class, names = {"SHOULDER", "BUTTOCKS", "ARM", "HAND", "LEG", "FOOT"})
    void aMarkOnALimbNamesItsSide(BodyRegion sided) {
        BodyMark withoutSide = new BodyMark(sided, BodyView.BACK, null, InjuryKind.BURN, 2.0, InjuryColour.RED, null);
        BodyMark inTheMiddle = new BodyMark(sided, BodyView.BACK, BodySide.MIDDLE, InjuryKind.BURN, 2.0, InjuryColour.RED, null);
        for (BodyMark mark : List.of(withoutSide, inTheMiddle)) {
            setUp();
            fixture.givenNoPriorActivity()
                    .when(record(List.of(LEFT_ARM, mark)))
                    .expectException(violates(SignalRule.BODY_MARK_SIDE_REQUIRED, "bodyMap[1].side"))
                    .expectNoEvents();
        }
    }

    @Test
    void aMarkNamesItsRegionViewAndKind() {
        assertThat(refusal(() -> new BodyMark(null, BodyView.FRONT, null, InjuryKind.CUT, null, null, null).requireValid("bodyMap[0]")).field())
                .isEqualTo("bodyMap[0].region");
        assertThat(refusal(() -> new BodyMark(BodyRegion.HEAD, null, null, InjuryKind.CUT, null, null, null).requireValid("bodyMap[0]")).field())
                .isEqualTo("bodyMap[0].view");
        assertThat(refusal(() -> new BodyMark(BodyRegion.HEAD, BodyView.BACK, null, null, null, null, null).requireValid("bodyMap[0]")).field())
                .isEqualTo("bodyMap[0].kind");
        fixture.givenNoPriorActivity()
                .when(record(List.of(new BodyMark(BodyRegion.HEAD, BodyView.BACK, null, null, null, null, null))))
                .expectException(violates(SignalRule.BODY_MARK_FIELD_REQUIRED, "bodyMap[0].kind"))
                .expectNoEvents();
    }

    @Test
    void aMarkIsBetweenATenthOfACentimetreAndAMetre() {
        for (double size : new double[] {0, 150, Double.NaN}) {
            setUp();
            fixture.givenNoPriorActivity()
                    .when(record(List.of(new BodyMark(BodyRegion.CHEST, BodyView.FRONT, BodySide.MIDDLE, InjuryKind.BRUISE, size, null, null))))
                    .expectException(violates(SignalRule.BODY_MARK_SIZE_OUT_OF_RANGE, "bodyMap[0].sizeCm"))
                    .expectNoEvents();
        }
    }

    @Test
    void aBodyMapHoldsAtMostThirtyMarks() {
        fixture.givenNoPriorActivity()
                .when(record(Collections.nCopies(31, LEFT_ARM)))
                .expectException(violates(SignalRule.TOO_MANY_BODY_MARKS))
                .expectNoEvents();
    }

    @Test
    void theSameSignalSentAgainWithOtherMarksIsRefused() {
        fixture.given(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", CONTENT, true, List.of(LEFT_ARM)))
                .when(record(List.of()))
                .expectException(violates(PupilFileRule.SIGNAL_ALREADY_RECORDED));
        setUp();
        fixture.given(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", CONTENT, true, List.of(LEFT_ARM)))
                .when(record(List.of(LEFT_ARM)))
                .expectNoEvents();
    }

    /** A correction changes what the signal says; the marks stay as recorded and the pupil file shows them with both versions. */
    @Test
    void theMarksStayAsRecordedWhenTheSignalIsCorrected() {
        SignalContent corrected = new SignalContent(CONTENT.observedAt(), "kleedkamer", CONTENT.situation(), CONTENT.statements(),
                List.of(), CONTENT.category(), CONTENT.flags(), List.of(), TEACHER);
        SignalRecorded recorded = new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", CONTENT, true, List.of(LEFT_ARM));
        fixture.given(recorded)
                .when(new CorrectSignal(PUPIL, null, TEACHER, T0.plusSeconds(60), "sig-1", new SignalCorrection(corrected, "Plaats klopte niet.")))
                .expectEvents(new SignalCorrected(PUPIL, SCHOOL, TEACHER, T0.plusSeconds(60), "sig-1", corrected, "Plaats klopte niet.", null));

        var file = new PupilFiles().apply(recorded)
                .apply(new SignalCorrected(PUPIL, SCHOOL, TEACHER, T0.plusSeconds(60), "sig-1", corrected, "Plaats klopte niet.", null))
                .signals(LocalDate.of(2026, 11, 10));
        assertThat(file.get(0).bodyMap()).containsExactly(LEFT_ARM);
        assertThat(file.get(0).current()).isEqualTo(corrected);
    }

    private static RuleViolation refusal(Runnable check) {
        try {
            check.run();
        } catch (RuleViolation violation) {
            return violation;
        }
        throw new AssertionError("no refusal");
    }
}
