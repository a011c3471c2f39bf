package nl.meldspoor.platform.testing.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.platform.consuming.PublishedEvent;

/** Builds the published history of one pupil's file of signals. */
public final class PupilHistoryBuilder {

    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);

    private final String pupilRef = "pupil-" + UUID.randomUUID().toString().substring(0, 8);
    private final String familyRef;
    private final List<PupilFileEvent> events = new ArrayList<>();

    private PupilHistoryBuilder(String familyRef) {
        this.familyRef = familyRef;
    }

    public static PupilHistoryBuilder pupil(String familyRef) {
        return new PupilHistoryBuilder(familyRef);
    }

    public String pupilRef() {
        return pupilRef;
    }

    public PupilHistoryBuilder signal(String schoolId, Instant at, SignalCategory category, SignalFlag... flags) {
        SignalContent content = new SignalContent(at.minusSeconds(600), "klas", "kring",
                List.of(new Statement("Waarneming " + (events.size() + 1) + ".", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), category, Set.of(flags), List.of(), TEACHER);
        events.add(new SignalRecorded(pupilRef, schoolId, TEACHER, at, "sig-" + pupilRef + "-" + events.size(), familyRef, content,
                content.isUrgent()));
        return this;
    }

    /** Corrects the {@code index}-th signal recorded to another category (the rest of its content as recorded). */
    public PupilHistoryBuilder corrected(int index, Instant at, SignalCategory category) {
        SignalRecorded signal = events.stream().filter(SignalRecorded.class::isInstance).map(SignalRecorded.class::cast)
                .skip(index).findFirst().orElseThrow();
        SignalContent recorded = signal.content();
        SignalContent content = new SignalContent(recorded.observedAt(), recorded.place(), recorded.situation(), recorded.statements(),
                recorded.othersPresent(), category, recorded.flags(), recorded.indicatorCodes(), recorded.recordedBy());
        events.add(new SignalCorrected(pupilRef, signal.schoolId(), IB, at, signal.signalId(), content, "Categorie gecorrigeerd.", null));
        return this;
    }

    public PupilHistoryBuilder escalatedFirstSignal(Instant at) {
        SignalRecorded first = (SignalRecorded) events.get(0);
        events.add(new SignalsEscalated(pupilRef, first.schoolId(), IB, at, "case-" + pupilRef, familyRef,
                new CaseTeam(IB.personId(), "af", "school-b", "dir"), "Zorgen.", List.of(new AttachedSignal(first.signalId(), first.content()))));
        return this;
    }

    /** The {@code index}-th signal recorded, as a case holds it when it is escalated or forwarded. */
    public AttachedSignal attachedSignal(int index) {
        SignalRecorded signal = events.stream().filter(SignalRecorded.class::isInstance).map(SignalRecorded.class::cast)
                .skip(index).findFirst().orElseThrow();
        return new AttachedSignal(signal.signalId(), signal.content());
    }

    public List<PublishedEvent> published() {
        List<PublishedEvent> published = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            PupilFileEvent event = events.get(sequence);
            try {
                published.add(new PublishedEvent(UUID.nameUUIDFromBytes((pupilRef + sequence).getBytes()).toString(), event.getClass().getName(),
                        "1", pupilRef, sequence, event.occurredAt(), event, CaseHistoryBuilder.JSON.writeValueAsString(event)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return published;
    }
}
