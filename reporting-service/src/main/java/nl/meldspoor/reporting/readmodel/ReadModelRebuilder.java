package nl.meldspoor.reporting.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Drops a read model and rebuilds it from offset 0 while the service keeps running. */
@Component
public class ReadModelRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

    private final ReadModelContainers containers;

    public ReadModelRebuilder(ReadModelContainers containers) {
        this.containers = containers;
    }

    /** @return false when there is no such read model */
    public synchronized boolean rebuild(String readModel) {
        var container = containers.container(readModel);
        if (container.isEmpty()) {
            return false;
        }
        log.info("Rebuild of read model {} requested", readModel);
        container.get().stop();
        containers.prepareRebuild(readModel);
        container.get().start();
        return true;
    }
}
