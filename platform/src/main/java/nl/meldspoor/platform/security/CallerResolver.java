package nl.meldspoor.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.platform.web.ActingPersonResolver;
import nl.meldspoor.platform.web.BadRequestHeaderException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who acts: the subject of the verified token, in a role the staff directory gives them today. The
 * identity provider only says who someone is; what they may do comes from the directory. A person
 * with more than one role names the role they act in with the {@value #ROLE_HEADER} header.
 */
public class CallerResolver implements ActingPersonResolver {

    public static final String ROLE_HEADER = "X-Meldspoor-Role";
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    private final StaffDirectory directory;
    private final Clock clock;

    public CallerResolver(StaffDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Caller resolve(HttpServletRequest request) {
        String personId = subject();
        List<StaffGrant> valid = validGrants(personId);
        Role role = role(request.getHeader(ROLE_HEADER), valid);
        return new Caller(personId, role, valid.stream().filter(grant -> grant.role() == role).toList());
    }

    @Override
    public SignedInStaff staffMember(HttpServletRequest request) {
        String personId = subject();
        return new SignedInStaff(personId, validGrants(personId));
    }

    private List<StaffGrant> validGrants(String personId) {
        if (!directory.isLoaded()) {
            throw new StaffDirectoryNotLoadedException();
        }
        LocalDate today = LocalDate.now(clock.withZone(SCHOOL_ZONE));
        List<StaffGrant> valid = directory.grantsOf(personId).stream().filter(grant -> grant.isValidOn(today)).toList();
        if (valid.isEmpty()) {
            throw RuleViolation.of(AccessRule.NOT_IN_STAFF_DIRECTORY);
        }
        return valid;
    }

    static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.getToken().getSubject() != null) {
            return token.getToken().getSubject();
        }
        throw new IllegalStateException("A request reached a handler without a verified token");
    }

    private static Role role(String header, List<StaffGrant> valid) {
        List<Role> held = valid.stream().map(StaffGrant::role).distinct().sorted().toList();
        if (header == null || header.isBlank()) {
            if (held.size() == 1) {
                return held.get(0);
            }
            throw new BadRequestHeaderException(ROLE_HEADER, "U heeft meer rollen (" + names(held)
                    + "): geef met " + ROLE_HEADER + " aan in welke rol u handelt.");
        }
        Role asked;
        try {
            asked = Role.valueOf(header.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestHeaderException(ROLE_HEADER, "Onbekende rol '" + header + "'; toegestaan: " + names(List.of(Role.values())) + ".");
        }
        if (!held.contains(asked)) {
            throw RuleViolation.of(AccessRule.ROLE_NOT_HELD, ROLE_HEADER);
        }
        return asked;
    }

    private static String names(List<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(", "));
    }
}
