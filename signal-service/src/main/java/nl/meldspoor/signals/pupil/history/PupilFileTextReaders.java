package nl.meldspoor.signals.pupil.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.signals.pupil.state.PupilFileView;
import nl.meldspoor.platform.eventstore.EventHistory;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import nl.meldspoor.platform.privacy.TextReaders;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.signals.access.IncidentReaders;
import nl.meldspoor.signals.access.SignalReaders;
import nl.meldspoor.signals.incident.history.IncidentHistory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The signal-service's texts are opened by exactly the rules of its read endpoints, called here rather
 * than restated: an incident's for whoever {@link IncidentReaders} lets read the incident; a pupil's file's
 * for whoever {@link SignalReaders} shows signals of that school — a teacher only the texts of the signals
 * they recorded, as their read of the file shows them. Because escalated signals travel into a case, those
 * who read the case without reading the file — the advisor of the paired school named in the escalation, an
 * auditor — also open the texts of that escalation, and nothing else of the file.
 */
@Component
public class PupilFileTextReaders implements TextReaders {

    private final PupilFileHistory files;
    private final IncidentHistory incidents;
    private final EventStore eventStore;
    private final ObjectMapper json;

    public PupilFileTextReaders(PupilFileHistory files, IncidentHistory incidents, EventStore eventStore, ObjectMapper json) {
        this.files = files;
        this.incidents = incidents;
        this.eventStore = eventStore;
        this.json = json;
    }

    @Override
    public boolean mayRead(Caller caller, ProtectedRecord record) {
        return switch (record.type()) {
            case INCIDENT -> incidentReader(caller, record);
            case PUPIL_FILE -> !visibleSignals(caller, record).isEmpty() || !escalationsNaming(caller, record).isEmpty();
            case MELDCODE_CASE -> false;
        };
    }

    @Override
    public Predicate<String> textsReadableBy(Caller caller, ProtectedRecord record) {
        if (record.type() != ProtectedRecord.RecordType.PUPIL_FILE) {
            return text -> true;
        }
        Set<String> readable = new HashSet<>();
        texts(json.valueToTree(visibleSignals(caller, record)), readable);
        texts(json.valueToTree(escalationsNaming(caller, record)), readable);
        return readable::contains;
    }

    private boolean incidentReader(Caller caller, ProtectedRecord record) {
        try {
            IncidentReaders.requireReader(caller, incidents.view(record.recordId(), null));
            return true;
        } catch (RuleViolation notAReader) {
            return false;
        }
    }

    /** The signals of the record's school that the pupil-file read shows the caller. */
    private List<PupilFileView.SignalView> visibleSignals(Caller caller, ProtectedRecord record) {
        try {
            return SignalReaders.visibleTo(caller, files.read(record.recordId())).signals().stream()
                    .filter(signal -> signal.schoolId().equals(record.schoolId()))
                    .toList();
        } catch (RuleViolation notAReader) {
            return List.of();
        }
    }

    /**
     * The escalations of this file at the record's school whose case the caller reads by the case's rule without
     * reading the pupil's file: the paired school's advisor named in it, and an auditor of the school or board
     * (who reads every case there, DOMAIN.md §1).
     */
    private List<SignalsEscalated> escalationsNaming(Caller caller, ProtectedRecord record) {
        boolean auditor = caller.hasRole(Role.AUDITOR) && (caller.holds(record.schoolId()) || caller.isBoardWide());
        if (!caller.hasRole(Role.ADVISOR) && !auditor) {
            return List.of();
        }
        return EventHistory.read(eventStore, record.recordId(), null, PupilFileEvent.class, (id, sequence, at, event) -> event).stream()
                .filter(SignalsEscalated.class::isInstance).map(SignalsEscalated.class::cast)
                .filter(escalation -> escalation.schoolId().equals(record.schoolId()))
                .filter(escalation -> auditor || caller.personId().equals(escalation.team().advisorId())
                        && caller.holds(escalation.team().advisorSchoolId()))
                .toList();
    }

    private static void texts(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> texts(child, into));
    }
}
