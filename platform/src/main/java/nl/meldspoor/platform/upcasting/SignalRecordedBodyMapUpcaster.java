package nl.meldspoor.platform.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.meldspoor.api.signal.SignalRecorded;

/**
 * {@code SignalRecorded} revision 3 added the body map. A signal recorded before (revisions 1 and 2, which differ only
 * in which texts are sealed) had no marks on a body map: it reads with an empty one, never with an unknown one.
 */
public final class SignalRecordedBodyMapUpcaster implements JsonEventUpcaster {

    @Override
    public String type() {
        return SignalRecorded.class.getName();
    }

    @Override
    public boolean upcasts(String revision) {
        return revision == null || "1".equals(revision) || "2".equals(revision);
    }

    @Override
    public String toRevision() {
        return "3";
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        if (!event.has("bodyMap") || event.get("bodyMap").isNull()) {
            event.putArray("bodyMap");
        }
        return event;
    }
}
