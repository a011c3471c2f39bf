package nl.meldspoor.notifications.organisation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.meldspoor.notifications.organisation.OrganisationProperties.School;
import org.springframework.stereotype.Component;

/** Looks up the people an alert is for, from the organisation configuration. */
@Component
public class Staff {

    private final Map<String, School> schools;
    private final OrganisationProperties organisation;

    public Staff(OrganisationProperties organisation) {
        this.organisation = organisation;
        this.schools = organisation.clusters().stream().flatMap(cluster -> cluster.schools().stream())
                .collect(Collectors.toUnmodifiableMap(School::id, Function.identity()));
    }

    public Optional<School> school(String schoolId) {
        return Optional.ofNullable(schools.get(schoolId));
    }

    public String schoolName(String schoolId) {
        return school(schoolId).map(School::name).orElse(schoolId);
    }

    public Region region(String schoolId) {
        return school(schoolId).map(School::region).orElse(Region.MIDDEN);
    }

    /** The school's IB'ers and aandachtsfunctionarissen. */
    public Set<String> careTeam(String schoolId) {
        return school(schoolId).map(school -> union(school.careCoordinators(), school.advisors())).orElse(Set.of());
    }

    public Set<String> principals(String schoolId) {
        return school(schoolId).map(school -> union(school.principals())).orElse(Set.of());
    }

    public Set<String> boardOfficers() {
        return union(organisation.boardOfficers());
    }

    /** The person's e-mail address, if one is configured. */
    public Optional<String> email(String personId) {
        return Optional.ofNullable(organisation.people().get(personId))
                .map(OrganisationProperties.Person::email)
                .filter(email -> !email.isBlank());
    }

    @SafeVarargs
    private static Set<String> union(List<String>... lists) {
        Set<String> people = new LinkedHashSet<>();
        for (List<String> list : lists) {
            people.addAll(list);
        }
        return Collections.unmodifiableSet(people);
    }
}
