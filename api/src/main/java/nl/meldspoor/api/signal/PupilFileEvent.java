package nl.meldspoor.api.signal;

import nl.meldspoor.api.common.SchoolFact;

/**
 * A fact in a pupil's file of signals (the zorglogboek). The pupil's pseudonymous reference is the
 * aggregate id and the Kafka key, so all facts about one pupil stay in order.
 */
public interface PupilFileEvent extends SchoolFact {

    String pupilRef();
}
