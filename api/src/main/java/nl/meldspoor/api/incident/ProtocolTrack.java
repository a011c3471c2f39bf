package nl.meldspoor.api.incident;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The protocol an incident is handled by (DOMAIN.md §3), derived from what happened and who did it:
 * bullying follows the vijfstappenaanpak (seed 001), a sexual offence by a staff member the
 * meldplicht of the Wet 1999 (seeds 000, 002, 003), everything else the five actions against
 * unsafe behaviour (seed 000).
 */
public enum ProtocolTrack {
    BULLYING("Pestprotocol (vijfstappenaanpak)"),
    MELDPLICHT("Meldplicht zedendelict door een medewerker"),
    UNSAFE_BEHAVIOUR("Aanpak ongewenst en grensoverschrijdend gedrag");

    private static final Set<IncidentType> BULLYING_TYPES =
            EnumSet.of(IncidentType.SERIOUS_BULLYING, IncidentType.CYBERBULLYING_OR_ONLINE_THREATS);
    private static final Set<IncidentType> SEXUAL_TYPES = EnumSet.of(IncidentType.SEXUAL_ABUSE, IncidentType.SEXUAL_HARASSMENT);

    private final String label;

    ProtocolTrack(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The track of a recorded incident. */
    public static ProtocolTrack of(IncidentReport report) {
        return of(report.type(), report.parties());
    }

    /**
     * Sexual abuse or harassment by a staff member falls under the meldplicht whatever type it was
     * recorded as; bullying and cyberbullying follow the bullying protocol.
     */
    public static ProtocolTrack of(IncidentType type, Collection<InvolvedParty> parties) {
        if (type == IncidentType.SEXUAL_OFFENCE_BY_STAFF
                || SEXUAL_TYPES.contains(type) && parties != null && parties.stream()
                .anyMatch(party -> party != null && party.role() == PartyRole.STAFF_PERPETRATOR)) {
            return MELDPLICHT;
        }
        if (BULLYING_TYPES.contains(type)) {
            return BULLYING;
        }
        return UNSAFE_BEHAVIOUR;
    }
}
