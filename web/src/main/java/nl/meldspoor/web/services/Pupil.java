package nl.meldspoor.web.services;

import java.time.LocalDate;

/** A pupil in the signal-service's registry: the name only for staff of the pupil's school. */
public record Pupil(String pupilRef, String schoolId, String givenName, String familyName, LocalDate birthDate, int group, String familyRef,
                    boolean erased) {

    public String label() {
        return givenName + " " + familyName + " (groep " + group + ")";
    }
}
