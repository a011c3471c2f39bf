package nl.meldspoor.web.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Dutch words of the incident register's codes, as the api module's enums name them (the web does not depend on
 * the api module). Used by the templates as {@code @incidentWords}.
 */
@Component("incidentWords")
public class IncidentWords {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy", Locale.forLanguageTag("nl"));

    static final Map<String, String> TYPES = ordered(
            "PHYSICAL_VIOLENCE", "Fysiek geweld",
            "WEAPON_FIREARM", "Wapenbezit: vuurwapen",
            "WEAPON_STABBING", "Wapenbezit: steekwapen",
            "WEAPON_OTHER", "Wapenbezit: overig wapen",
            "SEXUAL_ABUSE", "Seksueel misbruik",
            "SEXUAL_HARASSMENT", "Seksuele intimidatie",
            "SERIOUS_BULLYING", "Grove pesterijen",
            "CYBERBULLYING_OR_ONLINE_THREATS", "Cyberpesten of online bedreiging",
            "SEXTING", "Sexting",
            "DISCRIMINATION_RACE", "Discriminatie naar ras of afkomst",
            "DISCRIMINATION_SEX", "Discriminatie naar geslacht",
            "DISCRIMINATION_SEXUAL_ORIENTATION", "Discriminatie naar seksuele gerichtheid",
            "DISCRIMINATION_RELIGION", "Discriminatie naar godsdienst of levensovertuiging",
            "DISCRIMINATION_OTHER", "Discriminatie, overig",
            "THREATS_OR_INTIMIDATION", "Bedreiging of intimidatie",
            "VANDALISM", "Vernieling",
            "THEFT", "Diefstal",
            "RECEIVING_STOLEN_GOODS", "Heling",
            "EXTREMISM", "(Religieus) extremisme",
            "UNWANTED_BEHAVIOUR_TOWARDS_STAFF", "Ongewenst gedrag richting schoolprofessionals",
            "SEXUAL_OFFENCE_BY_STAFF", "Zedendelict door een medewerker");
    static final Map<String, String> SEVERITIES = ordered(
            "MINOR", "Klein incident", "SERIOUS", "Groter incident");
    static final Map<String, String> PARTY_ROLES = ordered(
            "PUPIL_VICTIM", "Leerling, slachtoffer",
            "PUPIL_PERPETRATOR", "Leerling, dader",
            "STAFF_VICTIM", "Medewerker, slachtoffer",
            "STAFF_PERPETRATOR", "Medewerker, dader",
            "PARENT", "Ouder of verzorger",
            "EXTERNAL", "Externe");
    static final Map<String, String> CONTACT = ordered(
            "PHONE_SAME_DAY", "Dezelfde dag telefonisch",
            "MEETING_WITH_PRINCIPAL", "Gesprek met de directeur erbij",
            "IN_PERSON", "Persoonlijk gesprek",
            "LETTER", "Brief");
    static final Map<String, String> BULLYING_STEPS = ordered(
            "TALK_WITH_BULLIED_PUPIL", "Gesprek met de gepeste leerling",
            "TALK_WITH_BULLY", "Gesprek met de pester",
            "SUPPORT_FOR_BOTH", "Ondersteuning voor gepeste en pester",
            "MOBILISE_SILENT_MIDDLE_GROUP", "De zwijgende middengroep mobiliseren",
            "INVOLVE_PARENTS_WITH_CONTRACT", "Ouders betrekken, met een kindcontract");
    static final Map<String, String> UNSAFE_ACTIONS = ordered(
            "PUPIL_SOLVES_OR_ASKS_HELP", "De leerling kan het zelf of vraagt hulp",
            "TEACHER_AND_PUPILS_SOLVE_TOGETHER", "Leerkracht en leerling(en) zoeken samen een oplossing",
            "SCHOOL_AND_PARENTS_TOGETHER", "School en ouders/verzorgers werken samen",
            "SUPPORT_TRAJECTORY", "Ondersteuningstraject",
            "TIME_OUT_SUSPENSION_EXPULSION", "Time-out, schorsen en verwijderen");
    static final Map<String, String> MELDPLICHT_STEPS = ordered(
            "BOARD_INFORMED", "Bestuur geïnformeerd",
            "INSPECTOR_CONSULTED", "Vertrouwensinspecteur geraadpleegd",
            "POLICE_REPORT_DECIDED", "Besluit over aangifte genomen",
            "PARTIES_INFORMED", "Betrokkenen geïnformeerd",
            "POLICE_REPORT_FILED", "Aangifte gedaan");
    static final Map<String, String> PROTOCOL_STATUS = ordered(
            "NOT_STARTED", "Nog niet begonnen", "IN_PROGRESS", "Bezig", "COMPLETE", "Doorlopen");
    static final Map<String, String> TRACKS = ordered(
            "BULLYING", "Pestprotocol", "MELDPLICHT", "Meldplicht", "UNSAFE_BEHAVIOUR", "Ongewenst gedrag");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    static String type(String code) {
        return TYPES.getOrDefault(code, code);
    }

    static String protocolStatus(String code) {
        return PROTOCOL_STATUS.getOrDefault(code, code);
    }

    public Map<String, String> types() {
        return TYPES;
    }

    public Map<String, String> partyRoles() {
        return PARTY_ROLES;
    }

    public Map<String, String> protocolStatuses() {
        return PROTOCOL_STATUS;
    }

    public String label(String kind, Object code) {
        if (code == null) {
            return "";
        }
        Map<String, String> words = switch (kind) {
            case "type" -> TYPES;
            case "severity" -> SEVERITIES;
            case "party" -> PARTY_ROLES;
            case "contact" -> CONTACT;
            case "status" -> PROTOCOL_STATUS;
            case "track" -> TRACKS;
            default -> Map.of();
        };
        return words.getOrDefault(code.toString(), code.toString());
    }

    /** A service moment ({@code Instant} as text) in the school's time, e.g. "2 december 2026 om 10:15". */
    public String moment(Object instant) {
        return instant == null ? "" : MOMENT.format(Instant.parse(instant.toString()).atZone(SCHOOL_ZONE));
    }

    public String day(Object instant) {
        return instant == null ? "" : DAY.format(Instant.parse(instant.toString()).atZone(SCHOOL_ZONE));
    }

    /** Who did something, as the service names them: "dir-a (directeur)". */
    @SuppressWarnings("unchecked")
    public String actor(Object actor) {
        if (!(actor instanceof Map<?, ?> map)) {
            return "";
        }
        Object role = ((Map<String, Object>) map).get("role");
        String dutch = role == null ? null : new nl.meldspoor.web.services.StaffRole(role.toString(), "", null).roleName();
        return map.get("personId") + (dutch == null ? "" : " (" + dutch + ")");
    }
}
