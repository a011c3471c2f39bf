package nl.meldspoor.api.signal;

/** Whether the recorder observed it personally or heard it from someone else. */
public enum InformationOrigin {
    OWN_OBSERVATION,
    THIRD_PARTY
}
