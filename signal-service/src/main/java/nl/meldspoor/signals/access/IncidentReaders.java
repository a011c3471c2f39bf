package nl.meldspoor.signals.access;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.state.IncidentView;
import nl.meldspoor.platform.security.Caller;

/**
 * Who reads an incident (DOMAIN.md §1, §3): the principal, IB'er, aandachtsfunctionaris and
 * vertrouwenspersoon of its school, the teacher who recorded it, an auditor of the school or board
 * until their end date, and the board's contact person for meldplicht incidents. Cluster directors
 * see aggregates only.
 */
public final class IncidentReaders {

    private static final Set<Role> SCHOOL_READERS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);

    private IncidentReaders() {
    }

    public static void requireReader(Caller caller, IncidentView incident) {
        String school = incident.state().schoolId();
        boolean permitted = switch (caller.role()) {
            case CARE_COORDINATOR, ADVISOR, PRINCIPAL, CONFIDANT -> caller.holds(school);
            case TEACHER -> caller.holds(school) && !incident.timeline().isEmpty()
                    && incident.timeline().get(0).actor().personId().equals(caller.personId());
            case AUDITOR -> caller.holds(school) || caller.isBoardWide();
            case BOARD_OFFICER -> caller.isBoardWide() && incident.state().track() == ProtocolTrack.MELDPLICHT;
            case CLUSTER_DIRECTOR -> throw RuleViolation.of(AccessRule.AGGREGATES_ONLY);
        };
        if (!permitted) {
            throw RuleViolation.of(SCHOOL_READERS.contains(caller.role()) || caller.hasRole(Role.AUDITOR)
                    ? AccessRule.NOT_YOUR_SCHOOL : AccessRule.ROLE_NOT_PERMITTED);
        }
    }
}
