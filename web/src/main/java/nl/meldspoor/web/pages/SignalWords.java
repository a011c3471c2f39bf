package nl.meldspoor.web.pages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The Dutch words of the signal-service's codes, and its moments in the school's time zone, for the signal pages. */
public final class SignalWords {

    public static final SignalWords INSTANCE = new SignalWords();

    private static final Map<String, String> CATEGORIES = Map.of(
            "HOME_SITUATION", "Thuissituatie",
            "SOCIAL_EMOTIONAL", "Sociaal-emotioneel",
            "UNSAFE_BEHAVIOUR", "Ongewenst of grensoverschrijdend gedrag",
            "BULLYING", "Pesten");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl"))
            .withZone(SignalForm.SCHOOL_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"))
            .withZone(SignalForm.SCHOOL_ZONE);

    private static final Map<String, String> ROLES = Map.of(
            "TEACHER", "leerkracht", "CARE_COORDINATOR", "IB'er", "ADVISOR", "aandachtsfunctionaris", "PRINCIPAL", "directeur");
    private static final Map<String, String> KINDS = Map.of("FACT", "Feit", "INTERPRETATION", "Interpretatie");

    private SignalWords() {
    }

    public String role(String code) {
        return code == null ? "" : ROLES.getOrDefault(code, code);
    }

    public String kind(String code) {
        return code == null ? "" : KINDS.getOrDefault(code, code);
    }

    /** A mark as one line of the table: where, from the child's side, and which view. */
    public String place(nl.meldspoor.web.services.PupilFile.Mark mark) {
        String where = BodyMap.REGIONS.getOrDefault(mark.region(), String.valueOf(mark.region()));
        String side = mark.side() == null ? "" : " " + BodyMap.SIDES.getOrDefault(mark.side(), mark.side()).toLowerCase(Locale.ROOT);
        return where + side + ", " + BodyMap.VIEWS.getOrDefault(mark.view(), String.valueOf(mark.view())).toLowerCase(Locale.ROOT);
    }

    public String size(Double sizeCm) {
        return sizeCm == null ? "–" : String.valueOf(sizeCm).replaceAll("\\.0$", "").replace('.', ',') + " cm";
    }

    public String category(String code) {
        return code == null ? "–" : CATEGORIES.getOrDefault(code, code);
    }

    public String moment(Instant instant) {
        return instant == null ? "–" : MOMENT.format(instant);
    }

    public String day(Object date) {
        if (date == null) {
            return "–";
        }
        if (date instanceof Instant instant) {
            return DAY.format(instant);
        }
        return DAY.format(java.time.LocalDate.parse(date.toString()).atStartOfDay(SignalForm.SCHOOL_ZONE));
    }
}
