package nl.meldspoor.notifications.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.notifications.organisation.Staff;
import nl.meldspoor.platform.consuming.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * The alerts that go out as soon as an event arrives (DOMAIN.md §5): an urgent signal to the school's
 * IB'ers, aandachtsfunctionarissen and principal; a signal about the home situation to the IB'ers and
 * aandachtsfunctionarissen; a meldplicht incident to the board's officers; another serious incident to
 * the principal. Each event gives each person one alert at most.
 */
@Component
public class ImmediateAlerts {

    private final Staff staff;
    private final Messages messages;

    public ImmediateAlerts(Staff staff, Messages messages) {
        this.staff = staff;
        this.messages = messages;
    }

    public List<Alert> of(PublishedEvent event) {
        if (event.payload() instanceof SignalRecorded signal) {
            return ofSignal(event.eventId(), signal);
        }
        if (event.payload() instanceof IncidentRecorded incident) {
            return ofIncident(event.eventId(), incident);
        }
        return List.of();
    }

    private List<Alert> ofSignal(String eventId, SignalRecorded signal) {
        String reference = "leerling " + signal.pupilRef() + ", signaal " + signal.signalId();
        if (signal.urgentPath()) {
            Set<String> recipients = union(staff.careTeam(signal.schoolId()), staff.principals(signal.schoolId()));
            return List.of(messages.alert(NotificationType.URGENT_SIGNAL, eventId, signal.schoolId(), reference, recipients, """
                    Er is een signaal vastgelegd met een onthulling door het kind of een vermoeden van eergerelateerd geweld \
                    op %s.

                    Neem nu contact op met Veilig Thuis (0800-2000) voor advies. Voer niet eerst een gesprek met de ouders: \
                    dat kan de veiligheid van het kind of van anderen in gevaar brengen.""".formatted(messages.schoolName(signal.schoolId()))));
        }
        if (signal.content().category() == SignalCategory.HOME_SITUATION) {
            return List.of(messages.alert(NotificationType.HOME_SITUATION_SIGNAL, eventId, signal.schoolId(), reference,
                    staff.careTeam(signal.schoolId()), """
                    Er is een nieuw signaal over de thuissituatie van een leerling vastgelegd op %s.

                    Bekijk het signaal met de eerdere signalen van de leerling en van broers en zussen, en beslis of de \
                    meldcode (stap 2: collegiale consultatie) nodig is.""".formatted(messages.schoolName(signal.schoolId()))));
        }
        return List.of();
    }

    private List<Alert> ofIncident(String eventId, IncidentRecorded incident) {
        String reference = "incident " + incident.incidentId();
        if (incident.meldplicht()) {
            return List.of(messages.alert(NotificationType.MELDPLICHT_INCIDENT, eventId, incident.schoolId(), reference,
                    staff.boardOfficers(), """
                    Op %s is een incident vastgelegd met een vermoeden van een zedendelict door een medewerker. Het bestuur \
                    heeft een meldplicht.

                    Raadpleeg direct de vertrouwensinspecteur (0900-1113111) en leg daarna in Meldspoor vast: het besluit \
                    over aangifte, het informeren van betrokkenen en de aangifte.""".formatted(messages.schoolName(incident.schoolId()))));
        }
        if (incident.report().severity() == Severity.SERIOUS) {
            return List.of(messages.alert(NotificationType.SERIOUS_INCIDENT, eventId, incident.schoolId(), reference,
                    staff.principals(incident.schoolId()), """
                    Op %s is een ernstig incident vastgelegd (%s).

                    Bekijk het incident in het incidentenregister en zorg dat het protocol wordt gevolgd en de ouders \
                    worden geïnformeerd.""".formatted(messages.schoolName(incident.schoolId()), incident.report().type().label())));
        }
        return List.of();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }
}
