package nl.meldspoor.reporting.incident;

import java.util.EnumSet;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.reporting.incident.fold.IncidentFile;

/** How far an incident's protocol has come. */
public enum ProtocolStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /**
     * Meldplicht: the parties informed and, when decided, the police report filed. Bullying: all five
     * steps taken. Unsafe behaviour (actions as needed, not all five): actions taken and the incident closed.
     */
    COMPLETE;

    static ProtocolStatus of(IncidentFile file) {
        return switch (file.track()) {
            case MELDPLICHT -> file.meldplichtComplete() ? COMPLETE : file.meldplichtSteps().isEmpty() ? NOT_STARTED : IN_PROGRESS;
            case BULLYING -> {
                EnumSet<BullyingStep> taken = EnumSet.noneOf(BullyingStep.class);
                file.bullyingSteps().forEach(step -> taken.add(step.details().step()));
                yield taken.size() == BullyingStep.values().length ? COMPLETE : taken.isEmpty() ? NOT_STARTED : IN_PROGRESS;
            }
            case UNSAFE_BEHAVIOUR -> file.unsafeBehaviourActions().isEmpty() ? NOT_STARTED : file.isClosed() ? COMPLETE : IN_PROGRESS;
        };
    }
}
