package nl.meldspoor.api.incident;

/**
 * The kinds of significant social-safety incident a school registers (DOMAIN.md §3; seeds 000 and 001:
 * "fysiek geweld, wapenbezit (vuur-, steek- en overige wapens), seksueel misbruik en seksuele
 * intimidatie, grove pesterijen, discriminatie, bedreigingen en vernieling of diefstal", heling,
 * (religieus) extremisme), plus unwanted behaviour towards staff and a sexual offence by a staff
 * member, which falls under the meldplicht.
 */
public enum IncidentType {
    PHYSICAL_VIOLENCE("Fysiek geweld"),
    WEAPON_FIREARM("Wapenbezit: vuurwapen"),
    WEAPON_STABBING("Wapenbezit: steekwapen"),
    WEAPON_OTHER("Wapenbezit: overig wapen"),
    SEXUAL_ABUSE("Seksueel misbruik"),
    SEXUAL_HARASSMENT("Seksuele intimidatie"),
    SERIOUS_BULLYING("Grove pesterijen"),
    CYBERBULLYING_OR_ONLINE_THREATS("Cyberpesten of online bedreiging"),
    SEXTING("Sexting"),
    DISCRIMINATION_RACE("Discriminatie naar ras of afkomst"),
    DISCRIMINATION_SEX("Discriminatie naar geslacht"),
    DISCRIMINATION_SEXUAL_ORIENTATION("Discriminatie naar seksuele gerichtheid"),
    DISCRIMINATION_RELIGION("Discriminatie naar godsdienst of levensovertuiging"),
    DISCRIMINATION_OTHER("Discriminatie, overig"),
    THREATS_OR_INTIMIDATION("Bedreiging of intimidatie"),
    VANDALISM("Vernieling"),
    THEFT("Diefstal"),
    RECEIVING_STOLEN_GOODS("Heling"),
    EXTREMISM("(Religieus) extremisme"),
    UNWANTED_BEHAVIOUR_TOWARDS_STAFF("Ongewenst gedrag richting schoolprofessionals"),
    SEXUAL_OFFENCE_BY_STAFF("Zedendelict door een medewerker");

    private final String label;

    IncidentType(String label) {
        this.label = label;
    }

    /** Dutch name for school staff. */
    public String label() {
        return label;
    }
}
