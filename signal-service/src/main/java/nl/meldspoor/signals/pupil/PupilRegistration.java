package nl.meldspoor.signals.pupil;

/**
 * Whether a pupil is registered at a school (DOMAIN.md §2: a signal is recorded for a pupil registered at
 * that school). A port, so the pupil's file checks the rule itself, whichever way a command reaches it,
 * without knowing where the registry keeps its rows; aggregate tests hand in a fake.
 */
public interface PupilRegistration {

    /** Whether the reference is registered at the school and its identity is not erased. */
    boolean isRegisteredAt(String pupilRef, String schoolId);
}
