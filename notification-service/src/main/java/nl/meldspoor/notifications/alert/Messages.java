package nl.meldspoor.notifications.alert;

import java.time.LocalDate;
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

    private final Staff staff;

    public Messages(Staff staff) {
        this.staff = staff;
    }

    public Alert alert(NotificationType type, String sourceKey, String schoolId, String reference, Set<String> recipients, String body) {
        String subject = "[Meldspoor] " + type.title() + " — " + staff.schoolName(schoolId);
        return new Alert(type, sourceKey, schoolId, reference, recipients, subject, body + "\n\nKenmerk: " + reference
                + "\n\nDit bericht is verstuurd door Meldspoor. Antwoorden op dit bericht worden niet gelezen.");
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public String schoolName(String schoolId) {
        return staff.schoolName(schoolId);
    }
}
