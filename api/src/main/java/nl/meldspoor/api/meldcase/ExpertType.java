package nl.meldspoor.api.meldcase;

import java.util.EnumSet;
import java.util.Set;

/** External experts a school consults during the meldcode (step 2 and later). */
public enum ExpertType {
    /** schoolmaatschappelijk werk */
    SCHOOL_SOCIAL_WORK,
    /** jeugdarts */
    YOUTH_DOCTOR,
    /** letselduiding: assessment of injuries */
    INJURY_ASSESSMENT,
    /** Landelijk Expertisecentrum Eergerelateerd Geweld of the police */
    LEC_EGG,
    RAAD_VOOR_DE_KINDERBESCHERMING,
    POLICE,
    /** gecertificeerde instelling (jeugdbescherming) */
    CERTIFIED_INSTITUTION,
    OTHER;

    /** Parties with whom information may be exchanged without the parents' consent (DOMAIN.md §4). */
    private static final Set<ExpertType> WITHOUT_CONSENT =
            EnumSet.of(LEC_EGG, RAAD_VOOR_DE_KINDERBESCHERMING, POLICE, CERTIFIED_INSTITUTION);

    public boolean mayReceiveInformationWithoutConsent() {
        return WITHOUT_CONSENT.contains(this);
    }
}
