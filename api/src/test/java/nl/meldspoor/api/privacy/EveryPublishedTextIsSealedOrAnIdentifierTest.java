package nl.meldspoor.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.staff.StaffEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Free text in a published event is kept forever on Kafka, in the event store, in read models and in
 * dead-letter topics: unless it is sealed it can never be erased. Every text of every published event —
 * found by scanning, so a new event is covered without editing this test — must choose: sealed, or an
 * identifier or code with a declared format.
 */
class EveryPublishedTextIsSealedOrAnIdentifierTest {

    /** Written through a write service's sealing serializer: {@code @PersonalData} texts travel sealed. */
    private static final List<Class<?>> SEALED_FAMILIES = List.of(MeldcodeCaseEvent.class, PupilFileEvent.class, IncidentEvent.class);

    /** Written to Kafka as they are, by services that may hold no keys: no free text at all. */
    private static final List<Class<?>> PLAIN_FAMILIES = List.of(StaffEvent.class, RecordViewed.class);

    @Test
    void everyTextOfAnEventThatIsSealedOnItsWayOutIsSealedOrAnIdentifier() {
        List<Class<?>> events = PublishedTexts.implementationsOf(MeldcodeCaseEvent.class, SEALED_FAMILIES);
        assertThat(events).as("events found by scanning").hasSizeGreaterThan(30)
                .contains(nl.meldspoor.api.meldcase.CaseOpened.class, nl.meldspoor.api.signal.SignalsEscalated.class, nl.meldspoor.api.incident.IncidentRecorded.class);
        List<String> problems = events.stream().flatMap(event -> PublishedTexts.unsealedFreeText(event, true).stream()).toList();
        assertThat(problems).as(PublishedTexts.describe(problems)).isEmpty();
    }

    @Test
    void theAccessLogAndStaffEventsCarryNoFreeTextAtAll() {
        List<Class<?>> events = PublishedTexts.implementationsOf(MeldcodeCaseEvent.class, PLAIN_FAMILIES);
        assertThat(events).contains(RecordViewed.class, nl.meldspoor.api.staff.StaffRoleGranted.class, nl.meldspoor.api.staff.StaffRoleRevoked.class);
        List<String> problems = events.stream().flatMap(event -> PublishedTexts.unsealedFreeText(event, false).stream()).toList();
        assertThat(problems).as(PublishedTexts.describe(problems)).isEmpty();
    }

    // The walker itself must be able to fail: a forgotten text deep inside is reported with its path.

    record Note(String text, @PersonalData String sealedText) {
    }

    record Visit(@Pattern(regexp = Identifiers.PERSON_ID) String visitorId, List<Note> notes) {
    }

    record EventWithAForgottenText(
            @Pattern(regexp = Identifiers.CASE_ID) String caseId,
            Instant occurredAt,
            UUID id,
            Set<Visit> visits,
            Map<@Pattern(regexp = Identifiers.CODE) String, Note> notesByCode,
            Map<String, Integer> countsByName,
            @Pattern(regexp = "[a-z ]+") String homeMadeFormat,
            @PersonalData Visit sealedRecord) {
    }

    @Test
    void aForgottenTextDeepInsideIsReportedWithItsPath() {
        assertThat(PublishedTexts.unsealedFreeText(EventWithAForgottenText.class, true)).containsExactlyInAnyOrder(
                "EventWithAForgottenText.visits[].notes[].text: free text that is neither sealed (@PersonalData) nor an identifier (@Pattern(regexp = Identifiers.…))",
                "EventWithAForgottenText.notesByCode{value}.text: free text that is neither sealed (@PersonalData) nor an identifier (@Pattern(regexp = Identifiers.…))",
                "EventWithAForgottenText.countsByName{key}: free text that is neither sealed (@PersonalData) nor an identifier (@Pattern(regexp = Identifiers.…))",
                "EventWithAForgottenText.homeMadeFormat: @Pattern(regexp = \"[a-z ]+\") is not a format of Identifiers",
                "EventWithAForgottenText.sealedRecord: @PersonalData seals only a String or a list or set of Strings, not "
                        + Visit.class.getTypeName());
    }

    record AccessEntryWithAReason(@Pattern(regexp = Identifiers.RECORD_ID) String accessId, @PersonalData String reason) {
    }

    @Test
    void aMarkedTextInAnEventWrittenWithoutTheSerializerIsReportedAsTravellingInPlain() {
        assertThat(PublishedTexts.unsealedFreeText(AccessEntryWithAReason.class, false)).singleElement().asString()
                .startsWith("AccessEntryWithAReason.reason: marked @PersonalData, but AccessEntryWithAReason is written without the sealing serializer");
    }

    // @Pattern on a record that is also a request body is enforced at the API: the formats must take every id in use.

    @ParameterizedTest
    @ValueSource(strings = {"pupil-7f3a", "pupil-91bc", "lln-school-a-i12", "p-2", "staff-12", "ext-4", "family-12", "family-3",
            "school-a", "board", "sig-1", "req-1", "case-7", "3f2c9a4e-1b7d-4c2e-9a51-0d6f8e7b2c10", "staff:ib-anna"})
    void referencesAndRecordIdsInUseMatchTheirFormat(String id) {
        assertThat(id).matches(Identifiers.REFERENCE).matches(Identifiers.RECORD_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ib-anna", "lk-groep", "lk-gijs", "dir-carla", "af-bram", "anna.dekker@school-a.nl", "7c1e2b3a-0000-4000-8000-000000000001"})
    void personIdsInUseMatchTheirFormat(String id) {
        assertThat(id).matches(Identifiers.PERSON_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VT-2026-0042", "VT-2026-1187", "VT-0042", "PV-2026/113", "2026.11.09-7"})
    void externalReferencesInUseMatchTheirFormat(String reference) {
        assertThat(reference).matches(Identifiers.EXTERNAL_REFERENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NJI-6.1", "NJI-4.2", "OTHERS_PRESENT_INITIALS_ONLY"})
    void codesInUseMatchTheirFormat(String code) {
        assertThat(code).matches(Identifiers.CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan de Vries", "pupil 7f3a", "", " pupil-1", "Zoë", "pupil-7f3a\t", "jan@example.nl"})
    void aNameOrASentenceIsNoReference(String text) {
        assertThat(text).doesNotMatch(Identifiers.REFERENCE);
    }
}
