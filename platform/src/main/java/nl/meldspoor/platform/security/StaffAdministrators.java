package nl.meldspoor.platform.security;

import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.RuleViolation;

/**
 * The board administrators who keep the staff directory, named by their token subject in
 * configuration ({@code meldspoor.staff.administrators}): the directory cannot grant the right to
 * change itself. The same administrators start read-model rebuilds.
 */
public class StaffAdministrators {

    /** Granted to an administrator's token, so {@code management.endpoint.health.roles} can name it. */
    public static final String AUTHORITY = "MELDSPOOR_STAFF_ADMINISTRATOR";

    private final Set<String> subjects;

    public StaffAdministrators(List<String> subjects) {
        this.subjects = Set.copyOf(subjects.stream().map(String::strip).filter(subject -> !subject.isEmpty()).toList());
    }

    public boolean isAdministrator(String subject) {
        return subject != null && subjects.contains(subject);
    }

    public void require(String subject) {
        if (!isAdministrator(subject)) {
            throw RuleViolation.of(AccessRule.NOT_A_STAFF_ADMINISTRATOR);
        }
    }
}
