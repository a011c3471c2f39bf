package nl.meldspoor.signals.access;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.signals.incident.state.IncidentView;
import nl.meldspoor.platform.security.Caller;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Who reads an incident (DOMAIN.md §1, §3, §7) — the one place that decides it, for the incident's reads and for
 * openings of its texts. An ordinary incident: the principal, IB'er, aandachtsfunctionaris and vertrouwenspersoon of
 * its school, the teacher who recorded it, and an auditor of the school or board. A meldplicht incident (a suspected
 * sexual offence by a staff member): only whoever recorded it, the board's contact person and an auditor — anyone
 * else at the school may be the suspect, so to them it does not exist. Cluster directors see aggregates only.
 */
public final class IncidentReaders {

    private static final Set<Role> SCHOOL_READERS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);

    private IncidentReaders() {
    }

    /**
     * @throws RuleViolation              when the caller may not read the incident
     * @throws AggregateNotFoundException when it is a meldplicht incident the caller may not know of: answered exactly
     *                                    as an unknown incident, so its existence does not reach the school
     */
    public static void requireReader(Caller caller, IncidentView incident) {
        if (caller.hasRole(Role.CLUSTER_DIRECTOR)) {
            throw RuleViolation.of(AccessRule.AGGREGATES_ONLY);
        }
        if (mayRead(caller, incident)) {
            return;
        }
        if (isMeldplicht(incident)) {
            throw new AggregateNotFoundException(incident.state().incidentId(), "A meldplicht incident is hidden from this reader");
        }
        throw RuleViolation.of(SCHOOL_READERS.contains(caller.role()) || caller.hasRole(Role.AUDITOR)
                ? AccessRule.NOT_YOUR_SCHOOL : AccessRule.ROLE_NOT_PERMITTED);
    }

    /**
     * Before anyone acts on an incident: a meldplicht incident the caller may not read does not exist for them, so a
     * command on it is answered exactly as for an unknown incident (not with a refusal that confirms it exists).
     *
     * @throws AggregateNotFoundException when it is a meldplicht incident the caller may not know of
     */
    public static void requireKnownTo(Caller caller, IncidentView incident) {
        if (isMeldplicht(incident) && !mayRead(caller, incident)) {
            throw new AggregateNotFoundException(incident.state().incidentId(), "A meldplicht incident is hidden from this caller");
        }
    }

    /** Whether the caller reads the incident; {@link #requireReader} answers the refusal. */
    public static boolean mayRead(Caller caller, IncidentView incident) {
        String school = incident.state().schoolId();
        boolean auditor = caller.hasRole(Role.AUDITOR) && (caller.holds(school) || caller.isBoardWide());
        if (isMeldplicht(incident)) {
            boolean boardContact = caller.hasRole(Role.BOARD_OFFICER) && caller.isBoardWide();
            return isRecorder(caller, incident) || boardContact || auditor;
        }
        return switch (caller.role()) {
            case CARE_COORDINATOR, ADVISOR, PRINCIPAL, CONFIDANT -> caller.holds(school);
            case TEACHER -> caller.holds(school) && isRecorder(caller, incident);
            case AUDITOR -> auditor;
            case BOARD_OFFICER, CLUSTER_DIRECTOR -> false;
        };
    }

    private static boolean isMeldplicht(IncidentView incident) {
        return incident.state().track() == ProtocolTrack.MELDPLICHT;
    }

    /** The person who recorded it, acting at its school (or board-wide, as a board officer may record one). */
    private static boolean isRecorder(Caller caller, IncidentView incident) {
        return !incident.timeline().isEmpty() && incident.timeline().get(0).actor().personId().equals(caller.personId())
                && (caller.holds(incident.state().schoolId()) || caller.isBoardWide());
    }
}
