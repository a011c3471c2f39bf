package nl.meldspoor.platform.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every upcasting step of the published language, in one list that the event stores and the Kafka readers share. */
public final class PublishedLanguageUpcasters {

    /** All steps; a new revision that changes an event's shape adds its step here. */
    public static final List<JsonEventUpcaster> ALL = List.of(new SignalRecordedBodyMapUpcaster());

    private PublishedLanguageUpcasters() {
    }

    /**
     * The JSON of an event brought from its stored revision to the wanted one, step by step.
     *
     * @return empty when there is no path from {@code revision} to {@code wanted}
     */
    public static Optional<ObjectNode> upcast(String type, String revision, String wanted, ObjectNode event) {
        String current = revision;
        ObjectNode json = event;
        for (int steps = 0; steps <= ALL.size() && !Objects.equals(current, wanted); steps++) {
            String from = current;
            Optional<JsonEventUpcaster> step = ALL.stream().filter(upcaster -> upcaster.type().equals(type) && upcaster.upcasts(from)).findFirst();
            if (step.isEmpty()) {
                return Optional.empty();
            }
            json = step.get().upcast(json);
            current = step.get().toRevision();
        }
        return Objects.equals(current, wanted) ? Optional.of(json) : Optional.empty();
    }
}
