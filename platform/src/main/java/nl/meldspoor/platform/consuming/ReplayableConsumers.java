package nl.meldspoor.platform.consuming;

import java.util.Collection;

/** A bean that runs several consumers it creates itself (the reporting-service's read models). */
public interface ReplayableConsumers {

    Collection<ReplayableConsumer> replayableConsumers();
}
