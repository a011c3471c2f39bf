package nl.meldspoor.reporting.organisation;

import java.util.List;

/**
 * A part of the organisation: one school, a cluster or the whole board, with the schools in it.
 *
 * @param schools id and name of each school in scope
 */
public record Scope(Level level, String id, String name, List<OrganisationProperties.School> schools) {

    public List<String> schoolIds() {
        return schools.stream().map(OrganisationProperties.School::id).toList();
    }
}
