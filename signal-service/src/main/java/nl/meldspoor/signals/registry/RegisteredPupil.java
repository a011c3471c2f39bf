package nl.meldspoor.signals.registry;

import java.time.LocalDate;

/** A pupil as the registry knows them: the only record that joins the pseudonymous reference to a name. */
public record RegisteredPupil(String pupilRef, String schoolId, String givenName, String familyName, LocalDate birthDate, int group,
                              String familyRef) {
}
