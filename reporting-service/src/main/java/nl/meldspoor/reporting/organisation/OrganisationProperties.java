package nl.meldspoor.reporting.organisation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The board, its clusters and their schools, as configured (one deployment serves one board). */
@ConfigurationProperties("meldspoor.organisation")
public record OrganisationProperties(Unit board, List<Cluster> clusters) {

    public record Unit(String id, String name) {
    }

    public record School(String id, String name) {
    }

    public record Cluster(String id, String name, List<School> schools) {

        public Cluster {
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }

    public OrganisationProperties {
        board = board == null ? new Unit("board", "Schoolbestuur") : board;
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }
}
