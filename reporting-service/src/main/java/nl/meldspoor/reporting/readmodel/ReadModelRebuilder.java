package nl.meldspoor.reporting.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Rebuilds a read model from offset 0 while the service keeps running and serving (see {@link ReadModelContainers}). */
@Component
public class ReadModelRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

    private final ReadModelContainers containers;

    public ReadModelRebuilder(ReadModelContainers containers) {
        this.containers = containers;
    }

    /** @return false when there is no such read model */
    public synchronized boolean rebuild(String readModel) {
        log.info("Rebuild of read model {} requested", readModel);
        return containers.rebuild(readModel);
    }
}
