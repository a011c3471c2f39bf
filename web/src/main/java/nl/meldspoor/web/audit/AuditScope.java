package nl.meldspoor.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Optional;
import nl.meldspoor.web.services.ActingRole;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.stereotype.Component;

/** The role the person acts in on the audit pages, as the staff directory gives it today (with an auditor's end date). */
@Component
public class AuditScope {

    static final String BOARD = "board";

    private final Services services;

    AuditScope(Services services) {
        this.services = services;
    }

    /**
     * @param role       the acting role, or {@code null} when the person holds none today
     * @param validUntil the last day the role may be used (an auditor's end date), or {@code null}
     */
    public record Acting(String role, String scope, LocalDate validUntil, String label) {

        public boolean boardWide() {
            return BOARD.equals(scope);
        }

        public boolean auditor() {
            return "AUDITOR".equals(role);
        }

        /** The school the pages are about: the acting school, or for a board-wide role the one chosen (if any). */
        public String schoolOf(String chosen) {
            if (boardWide()) {
                return chosen == null || chosen.isBlank() ? null : chosen.strip();
            }
            return scope;
        }
    }

    public Acting acting(HttpServletRequest request) {
        SignedIn me = services.me();
        Optional<ActingRole> chosen = ActingRole.current(request);
        StaffRole role = chosen.flatMap(choice -> me.roles().stream().filter(held -> held.is(choice)).findFirst())
                .orElse(me.roles().isEmpty() ? null : me.roles().get(0));
        return role == null ? new Acting(null, null, null, "")
                : new Acting(role.role(), role.scope(), role.validUntil(), role.label());
    }
}
