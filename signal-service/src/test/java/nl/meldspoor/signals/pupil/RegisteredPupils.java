package nl.meldspoor.signals.pupil;

import java.util.HashSet;
import java.util.Set;

/** A hand-written registry for aggregate tests: which pupil is registered at which school. */
final class RegisteredPupils implements PupilRegistration {

    private final Set<String> registrations = new HashSet<>();

    RegisteredPupils register(String pupilRef, String schoolId) {
        registrations.add(pupilRef + "@" + schoolId);
        return this;
    }

    @Override
    public boolean isRegisteredAt(String pupilRef, String schoolId) {
        return registrations.contains(pupilRef + "@" + schoolId);
    }
}
