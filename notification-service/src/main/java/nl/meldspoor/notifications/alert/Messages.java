package nl.meldspoor.notifications.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import nl.meldspoor.notifications.organisation.Staff;
import org.springframework.stereotype.Component;

/**
 * The Dutch texts of the alerts. Subjects carry the kind of alert and the school, never a pupil;
 * bodies carry the pseudonymous reference and what to do, never the content of a signal.
 */
@Component
public class Messages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL"))
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private final Staff staff;

    public Messages(Staff staff) {
        this.staff = staff;
    }

    public Alert alert(NotificationType type, String sourceKey, String schoolId, String reference, Set<String> recipients, String body) {
        String subject = "[Meldspoor] " + type.title() + " — " + staff.schoolName(schoolId);
        return new Alert(type, sourceKey, schoolId, reference, recipients, subject, body + "\n\nKenmerk: " + reference
                + "\n\nDit bericht is verstuurd door Meldspoor. Antwoorden op dit bericht worden niet gelezen.");
    }

    /**
     * The alert, marked as late: what it is about was recorded at {@code recordedAt}, longer ago than an immediate
     * alert may take. It is still sent — dropping it would hide an urgent signal after an outage — but the
     * recipient must see at once that the clock has been running.
     */
    public Alert late(Alert alert, Instant recordedAt) {
        String what = switch (alert.type()) {
            case URGENT_SIGNAL, HOME_SITUATION_SIGNAL -> "dit signaal";
            case MELDPLICHT_INCIDENT, SERIOUS_INCIDENT -> "dit incident";
            default -> "dit";
        };
        String note = "Let op: " + what + " is al op " + MOMENT.format(recordedAt) + " vastgelegd; deze melding komt te laat. "
                + "Handel er alsnog direct naar.\n\n";
        return alert.late(alert.subject() + " (te laat)", note + alert.body());
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public String schoolName(String schoolId) {
        return staff.schoolName(schoolId);
    }
}
