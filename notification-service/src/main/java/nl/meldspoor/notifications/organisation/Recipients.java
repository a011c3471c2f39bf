package nl.meldspoor.notifications.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.security.StaffDirectoryNotLoadedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is told what, decided from the staff directory at the moment of telling — never from a list that outlives a
 * revoked role (DOMAIN.md §5):
 * <ul>
 *   <li>an urgent signal: the school's IB'ers, aandachtsfunctionarissen and principals (and the AF's of the schools
 *       configured to advise it);</li>
 *   <li>a signal about the home situation: the school's IB'ers and aandachtsfunctionarissen (idem);</li>
 *   <li>a meldplicht incident: the board's officers;</li>
 *   <li>another serious incident: the school's principals;</li>
 *   <li>a report decision that awaits approval: the case's responsible principal, as long as they are principal of
 *       the case's school (otherwise the school's principals);</li>
 *   <li>a report decision sent back by the principal: the case's casemanager, as long as they hold a case-team role at
 *       the case's school (otherwise the school's principals, as for a reminder);</li>
 *   <li>a case's reminder: the case team members it names, as long as they hold a case-team role (IB'er, AF or
 *       principal) at the case's school; for one who no longer does, the school's principals.</li>
 * </ul>
 * The same rule decides whether a notification raised earlier may still be mailed: a person whose role was revoked
 * in between is not. The directory knows people by id and role only; their addresses are configuration
 * ({@link Staff#email}).
 */
@Component
public class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Amsterdam");

    /** One role at one place that makes a person a recipient. */
    record Entitlement(Role role, String scope) {

        @Override
        public String toString() {
            return role + "@" + scope;
        }
    }

    private final StaffDirectory directory;
    private final Staff staff;
    private final Clock clock;

    public Recipients(StaffDirectory directory, Staff staff, Clock clock) {
        this.directory = directory;
        this.staff = staff;
        this.clock = clock;
    }

    /** Until the directory is read to its end nobody can be told anything: the caller retries rather than telling nobody. */
    public void requireLoaded() {
        if (!directory.isLoaded()) {
            throw new StaffDirectoryNotLoadedException();
        }
    }

    public boolean isLoaded() {
        return directory.isLoaded();
    }

    /** Everyone who is to receive an alert of this type about this school, now. */
    public Set<String> of(NotificationType type, String schoolId) {
        requireLoaded();
        if (isCaseReminder(type)) {
            throw new IllegalArgumentException(type + " goes to a case's team: use ofCaseTeam");
        }
        return holders(type, schoolId, entitlements(type, schoolId));
    }

    private Set<String> holders(NotificationType type, String schoolId, List<Entitlement> entitlements) {
        Set<String> people = new TreeSet<>();
        for (Entitlement entitlement : entitlements) {
            directory.holders(entitlement.role(), entitlement.scope()).stream()
                    .filter(person -> entitled(person, entitlements))
                    .forEach(people::add);
        }
        if (people.isEmpty()) {
            log.error("Nobody to tell about {} at {}: nobody holds {} in the staff directory", type, schoolId, entitlements);
        }
        return people;
    }

    /**
     * The case team members a reminder is for, as far as they still hold a case-team role at the case's school; the
     * school's principals for any who no longer do, so the reminder is not lost with the person.
     */
    public Set<String> ofCaseTeam(NotificationType type, String schoolId, Collection<String> members) {
        requireLoaded();
        List<Entitlement> entitlements = entitlements(type, schoolId);
        Set<String> people = new TreeSet<>();
        boolean someoneLeft = false;
        for (String member : members) {
            if (entitled(member, entitlements)) {
                people.add(member);
            } else {
                someoneLeft = true;
                log.info("{} for a case at {} not to {}: no longer IB'er, AF or principal there; to the principal instead", type, schoolId, member);
            }
        }
        if (someoneLeft) {
            people.addAll(holders(type, schoolId, List.of(new Entitlement(Role.PRINCIPAL, schoolId))));
        }
        return people;
    }

    /**
     * Why the person may not (or no longer) receive a notification of this type about this school — their role was
     * revoked, or ended — in Dutch, for the notification's record; empty when they may.
     */
    public Optional<String> refusal(NotificationType type, String schoolId, String personId) {
        requireLoaded();
        List<Entitlement> entitlements = entitlements(type, schoolId);
        if (entitled(personId, entitlements)) {
            return Optional.empty();
        }
        String roles = entitlements.stream().map(entitlement -> label(entitlement.role()) + " van " + place(entitlement.scope()))
                .distinct().collect(Collectors.joining(", "));
        return Optional.of("Niet verstuurd: " + personId + " heeft volgens het personeelsbestand geen rol (meer) die deze melding "
                + "ontvangt (" + roles + ").");
    }

    private boolean entitled(String personId, List<Entitlement> entitlements) {
        LocalDate today = LocalDate.now(clock.withZone(SCHOOL_TIME));
        return directory.grantsOf(personId).stream().anyMatch(grant -> grant.isValidOn(today)
                && entitlements.contains(new Entitlement(grant.role(), grant.scope())));
    }

    /** The roles, and where, that make a person a recipient of this type of notification about this school. */
    List<Entitlement> entitlements(NotificationType type, String schoolId) {
        List<Entitlement> entitlements = new ArrayList<>();
        switch (type) {
            case URGENT_SIGNAL -> {
                careTeam(schoolId, entitlements);
                entitlements.add(new Entitlement(Role.PRINCIPAL, schoolId));
            }
            case HOME_SITUATION_SIGNAL -> careTeam(schoolId, entitlements);
            case MELDPLICHT_INCIDENT -> entitlements.add(new Entitlement(Role.BOARD_OFFICER, StaffScope.BOARD));
            case SERIOUS_INCIDENT, REPORT_DECISION_AWAITS_APPROVAL -> entitlements.add(new Entitlement(Role.PRINCIPAL, schoolId));
            case VEILIG_THUIS_FEEDBACK_MISSING, HELP_EVALUATION_DUE, CASE_INACTIVE_REMINDER, CASE_INACTIVE_ESCALATION,
                 REPORT_DECISION_SENT_BACK -> {
                entitlements.add(new Entitlement(Role.CARE_COORDINATOR, schoolId));
                entitlements.add(new Entitlement(Role.ADVISOR, schoolId));
                entitlements.add(new Entitlement(Role.PRINCIPAL, schoolId));
            }
        }
        return entitlements;
    }

    private void careTeam(String schoolId, List<Entitlement> entitlements) {
        entitlements.add(new Entitlement(Role.CARE_COORDINATOR, schoolId));
        entitlements.add(new Entitlement(Role.ADVISOR, schoolId));
        for (String paired : staff.advisedBy(schoolId)) {
            entitlements.add(new Entitlement(Role.ADVISOR, paired));
        }
    }

    private static boolean isCaseReminder(NotificationType type) {
        return switch (type) {
            case VEILIG_THUIS_FEEDBACK_MISSING, HELP_EVALUATION_DUE, CASE_INACTIVE_REMINDER, CASE_INACTIVE_ESCALATION,
                 REPORT_DECISION_AWAITS_APPROVAL, REPORT_DECISION_SENT_BACK -> true;
            case URGENT_SIGNAL, HOME_SITUATION_SIGNAL, MELDPLICHT_INCIDENT, SERIOUS_INCIDENT -> false;
        };
    }

    private String place(String scope) {
        return StaffScope.BOARD.equals(scope) ? "het bestuur" : staff.schoolName(scope);
    }

    private static String label(Role role) {
        return switch (role) {
            case CARE_COORDINATOR -> "intern begeleider";
            case ADVISOR -> "aandachtsfunctionaris";
            case PRINCIPAL -> "directeur";
            case BOARD_OFFICER -> "contactpersoon meldcode van het bestuur";
            default -> role.name();
        };
    }
}
