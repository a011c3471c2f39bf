package nl.meldspoor.platform.security;

import java.util.Set;
import nl.meldspoor.api.meldcase.CaseTeam;

/**
 * What {@link CaseReaders} needs to know of a case to decide who may read it: its school, the teachers added to it
 * and its team. Each service builds it from its own view of the case, so the platform depends on no service's fold.
 *
 * @param team {@code null} while the case has no team yet
 */
public record CaseAccess(String schoolId, Set<String> teachers, CaseTeam team) {

    public CaseAccess {
        teachers = teachers == null ? Set.of() : Set.copyOf(teachers);
    }
}
