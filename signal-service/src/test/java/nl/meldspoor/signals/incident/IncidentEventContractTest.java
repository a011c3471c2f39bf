package nl.meldspoor.signals.incident;

import static nl.meldspoor.signals.incident.IncidentTestData.BULLIED;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.KNOWN;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.STAFF_MEMBER;
import static nl.meldspoor.signals.incident.IncidentTestData.T0;
import static nl.meldspoor.signals.incident.IncidentTestData.day;
import static nl.meldspoor.signals.incident.IncidentTestData.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.platform.testing.EventContracts;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored shape of every incident event revision is pinned in {@code src/test/resources/contracts/incident}:
 * a change to a published incident event needs a new revision and an upcaster, never an edited fixture.
 */
class IncidentEventContractTest {

    private static final Path FIXTURES = Path.of("src/test/resources/contracts/incident");

    static Stream<IncidentEvent> samples() {
        IncidentReport everything = new IncidentReport(SCHOOL, T0, KNOWN, "gymzaal", IncidentType.SEXUAL_HARASSMENT, Severity.SERIOUS,
                List.of(BULLIED, STAFF_MEMBER), "Een leerling vertelt over aanrakingen door een medewerker.", "Medewerker naar huis gestuurd.",
                IncidentTestData.parentsInformed(ParentContactMethod.MEETING_WITH_PRINCIPAL, minutes(55)), true, "PL-2026-77",
                "Overleg met het bestuur.");
        Object[] meldplicht = History.meldplicht().policeReportDecided(true, true).events();
        Object[] others = History.bullying().parentsInformed(ParentContactMethod.PHONE_SAME_DAY, minutes(240))
                .bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(1)).closed().events();
        return Stream.of(
                        Stream.of(new IncidentRecorded(INCIDENT_ID, SCHOOL, IncidentTestData.CONFIDANT, minutes(60), everything,
                                ProtocolTrack.MELDPLICHT, true)),
                        Stream.of(meldplicht[meldplicht.length - 1]),
                        Stream.of(others).skip(1),
                        Stream.of(History.unsafeBehaviour().action(UnsafeBehaviourAction.SCHOOL_AND_PARENTS_TOGETHER, day(1)).events()).skip(1),
                        Stream.of(new IncidentTextErased(INCIDENT_ID, SCHOOL, nl.meldspoor.api.common.Retention.ERASER, day(800), day(10),
                                java.time.Period.ofYears(2))))
                .flatMap(events -> events)
                .map(IncidentEvent.class::cast);
    }

    @Test
    void everyIncidentEventHasARevisionAndAPinnedFixture() {
        List<Class<?>> events = new ClassFileImporter().importPackages("nl.meldspoor.api.incident").stream()
                .filter(type -> type.isAssignableTo(IncidentEvent.class) && !type.isInterface())
                .<Class<?>>map(type -> type.reflect())
                .toList();
        assertThat(events).hasSize(7);
        EventContracts.assertEverySampled(events, samples().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theStoredShapeOfEachEventIsPinned(IncidentEvent sample) {
        EventContracts.assertPinned(sample, FIXTURES);
    }

    /** Revision 2 of several events seals texts that revision 1 held in plain: the stored shape is the same, so the old JSON still reads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theEarlierRevisionsOfEachEventStillRead(IncidentEvent sample) {
        EventContracts.assertEarlierRevisionsRead(sample, FIXTURES);
    }
}
