package nl.meldspoor.reporting.readmodel;

/**
 * What a generation rebuilt beside the served one gets done once it has caught up, just before it is served: work the
 * first queries after the switch would otherwise do themselves (reading ahead what they keep). Runs on the replica that
 * switches, while the old generation is still served; a failure is logged and the switch goes ahead, the queries then
 * doing the work themselves.
 */
@FunctionalInterface
public interface BeforeServing {

    void prepare(String readModel, int generation);
}
