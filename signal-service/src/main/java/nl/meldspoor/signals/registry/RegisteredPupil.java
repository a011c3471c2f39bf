package nl.meldspoor.signals.registry;

import java.time.LocalDate;

/**
 * A pupil as the registry knows them: the only record that joins the pseudonymous reference to a name.
 *
 * @param erased whether name and date of birth were erased (then they are null)
 */
public record RegisteredPupil(String pupilRef, String schoolId, String givenName, String familyName, LocalDate birthDate, int group,
                              String familyRef, boolean erased) {
}
