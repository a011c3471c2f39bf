package nl.meldspoor.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** One {@link JsonEventUpcaster} step in Axon's upcaster chain, for the events a write service reads from its own store. */
public class AxonJsonUpcaster extends SingleEventUpcaster {

    private final JsonEventUpcaster step;

    public AxonJsonUpcaster(JsonEventUpcaster step) {
        this.step = step;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(step.type()) && step.upcasts(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(step.type(), step.toRevision()), JsonNode.class,
                json -> step.upcast((ObjectNode) json));
    }
}
