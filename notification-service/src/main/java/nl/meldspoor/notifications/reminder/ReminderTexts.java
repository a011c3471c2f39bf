package nl.meldspoor.notifications.reminder;

import java.util.Set;
import nl.meldspoor.notifications.alert.Alert;
import nl.meldspoor.notifications.alert.Messages;
import org.springframework.stereotype.Component;

/** The Dutch texts of a case's reminders. */
@Component
public class ReminderTexts {

    private final Messages messages;

    public ReminderTexts(Messages messages) {
        this.messages = messages;
    }

    /** @param recipients who it goes to now: the members of the case team it names who are still on it, or the principal */
    public Alert alert(String caseId, String schoolId, Reminder reminder, Set<String> recipients) {
        String school = messages.schoolName(schoolId);
        String day = Messages.day(reminder.due());
        String body = switch (reminder.type()) {
            case VEILIG_THUIS_FEEDBACK_MISSING -> """
                    Veilig Thuis had uiterlijk %s (de vijfde werkdag na de melding) moeten laten weten wat het met de melding \
                    over een leerling van %s doet, maar in het dossier is nog geen terugkoppeling vastgelegd.

                    Vraag Veilig Thuis om een schriftelijke terugkoppeling en leg die vast in het dossier.""".formatted(day, school);
            case HELP_EVALUATION_DUE -> """
                    De afgesproken termijn van de hulp in een dossier meldcode van %s is bereikt (%s).

                    Evalueer de hulp (afweging 5): is de veiligheid gerealiseerd en hersteld? Zo niet, dan alsnog melden.""".formatted(school, day);
            case CASE_INACTIVE_REMINDER -> """
                    In een dossier meldcode van %s is sinds %s niets meer vastgelegd.

                    Bekijk het dossier en zet de volgende stap van de meldcode, of sluit het dossier af met een conclusie.""".formatted(school, day);
            case CASE_INACTIVE_ESCALATION -> """
                    In een dossier meldcode van %s is sinds %s niets meer vastgelegd, ook niet na een herinnering aan de \
                    casemanager.

                    Als eindverantwoordelijke voor het dossier: bespreek met de casemanager hoe het verder gaat.""".formatted(school, day);
            default -> throw new IllegalArgumentException("Not a case reminder: " + reminder.type());
        };
        return messages.alert(reminder.type(), "case:" + caseId + ":" + reminder.key(), schoolId, "dossier " + caseId,
                recipients, body);
    }
}
