package nl.meldspoor.notifications.organisation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The board as configured (the same {@code meldspoor.organisation} tree the reporting-service reads, with the
 * people's addresses added): per school its name, its school-holiday region and the paired schools whose
 * aandachtsfunctionarissen advise it; and how each person is reached. Who holds which role is not configured here:
 * that is the staff directory's ({@link Recipients}), which knows ids and roles but no addresses.
 */
@ConfigurationProperties("meldspoor.organisation")
public record OrganisationProperties(Unit board, List<Cluster> clusters, Map<String, Person> people) {

    public record Unit(String id, String name) {
    }

    public record Cluster(String id, String name, List<School> schools) {

        public Cluster {
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }

    /**
     * @param advisedBy the paired schools whose aandachtsfunctionarissen (whoever holds {@code ADVISOR} there in the
     *                  staff directory) also advise this school ("schaduw-AF"), for a school whose IB'er is its own AF
     */
    public record School(String id, String name, Region region, List<String> advisedBy) {

        public School {
            region = region == null ? Region.MIDDEN : region;
            advisedBy = advisedBy == null ? List.of() : List.copyOf(advisedBy);
        }
    }

    /** @param email empty: in-app only */
    public record Person(String name, String email) {
    }

    public OrganisationProperties {
        board = board == null ? new Unit("board", "Schoolbestuur") : board;
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        people = people == null ? Map.of() : Map.copyOf(people);
    }
}
