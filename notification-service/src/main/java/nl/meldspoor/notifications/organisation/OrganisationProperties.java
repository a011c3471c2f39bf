package nl.meldspoor.notifications.organisation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who is who at the board, as configured (the same {@code meldspoor.organisation} tree the reporting-service
 * reads, with the people added): per school its region and its IB'ers, aandachtsfunctionarissen and
 * principal; the board's officers; and how each person is reached.
 */
@ConfigurationProperties("meldspoor.organisation")
public record OrganisationProperties(Unit board, List<String> boardOfficers, List<Cluster> clusters, Map<String, Person> people) {

    public record Unit(String id, String name) {
    }

    public record Cluster(String id, String name, List<School> schools) {

        public Cluster {
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }

    /**
     * @param advisors the aandachtsfunctionarissen advising this school's cases, also one of a paired school ("schaduw-AF")
     */
    public record School(String id, String name, Region region, List<String> careCoordinators, List<String> advisors,
                         List<String> principals) {

        public School {
            region = region == null ? Region.MIDDEN : region;
            careCoordinators = careCoordinators == null ? List.of() : List.copyOf(careCoordinators);
            advisors = advisors == null ? List.of() : List.copyOf(advisors);
            principals = principals == null ? List.of() : List.copyOf(principals);
        }
    }

    /** @param email empty: in-app only */
    public record Person(String name, String email) {
    }

    public OrganisationProperties {
        board = board == null ? new Unit("board", "Schoolbestuur") : board;
        boardOfficers = boardOfficers == null ? List.of() : List.copyOf(boardOfficers);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        people = people == null ? Map.of() : Map.copyOf(people);
    }
}
