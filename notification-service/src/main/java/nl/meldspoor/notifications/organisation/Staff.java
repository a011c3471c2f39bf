package nl.meldspoor.notifications.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.meldspoor.notifications.organisation.OrganisationProperties.School;
import org.springframework.stereotype.Component;

/** The board's schools and people's addresses, from the organisation configuration. */
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

    /** The paired schools whose aandachtsfunctionarissen also advise this one. */
    public List<String> advisedBy(String schoolId) {
        return school(schoolId).map(School::advisedBy).orElse(List.of());
    }

    /** The person's e-mail address, if one is configured. */
    public Optional<String> email(String personId) {
        return Optional.ofNullable(organisation.people().get(personId))
                .map(OrganisationProperties.Person::email)
                .filter(email -> email != null && !email.isBlank());
    }
}
