package nl.meldspoor.reporting.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Looks up schools, clusters and the board in the configured organisation structure. */
@Component
public class Organisation {

    private final OrganisationProperties structure;

    public Organisation(OrganisationProperties structure) {
        this.structure = structure;
    }

    public Optional<Scope> scope(String level, String id) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "school" -> school(id).map(school -> new Scope(Level.SCHOOL, school.id(), school.name(), List.of(school)));
            case "cluster" -> structure.clusters().stream().filter(cluster -> cluster.id().equals(id)).findFirst()
                    .map(cluster -> new Scope(Level.CLUSTER, cluster.id(), cluster.name(), cluster.schools()));
            case "board" -> structure.board().id().equals(id)
                    ? Optional.of(new Scope(Level.BOARD, id, structure.board().name(), allSchools().toList()))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    public Optional<OrganisationProperties.School> school(String id) {
        return allSchools().filter(school -> school.id().equals(id)).findFirst();
    }

    /** The cluster a school belongs to. */
    public Optional<String> clusterOf(String schoolId) {
        return structure.clusters().stream()
                .filter(cluster -> cluster.schools().stream().anyMatch(school -> school.id().equals(schoolId)))
                .map(OrganisationProperties.Cluster::id)
                .findFirst();
    }

    public boolean knows(String schoolId) {
        return school(schoolId).isPresent();
    }

    private Stream<OrganisationProperties.School> allSchools() {
        return structure.clusters().stream().flatMap(cluster -> cluster.schools().stream());
    }
}
