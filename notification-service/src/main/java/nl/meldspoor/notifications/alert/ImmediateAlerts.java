package nl.meldspoor.notifications.alert;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.notifications.organisation.Recipients;
import nl.meldspoor.platform.consuming.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * The alerts that go out as soon as an event arrives (DOMAIN.md §5): an urgent signal to the school's
 * IB'ers, aandachtsfunctionarissen and principal; a signal about the home situation to the IB'ers and
 * aandachtsfunctionarissen; a meldplicht incident to the board's officers; another serious incident to
 * the principal. Each event gives each person one alert at most. Who holds those roles is asked of the staff
 * directory as the event is handled ({@link Recipients}), so a revoked role is no longer alerted.
 *
 * <p>An urgent signal alerts whichever door it came in by: recorded in the pupil file ({@code SignalRecorded}) or
 * straight into a case (the signals a case is opened or reopened with, a signal attached to it). A signal that
 * arrives through both — the pupil file's signal escalated into a case — is one signal: its alerts carry a key per
 * school and signal, and the notification store raises them for whichever event comes first only. The case's copy
 * of a signal has its text sealed; the alert needs only the flags, the pupil and the signal id.
 */
@Component
public class ImmediateAlerts {

    private final Recipients recipients;
    private final Messages messages;

    public ImmediateAlerts(Recipients recipients, Messages messages) {
        this.recipients = recipients;
        this.messages = messages;
    }

    public List<Alert> of(PublishedEvent event) {
        if (event.payload() instanceof SignalRecorded signal) {
            return ofSignal(event.eventId(), signal);
        }
        if (event.payload() instanceof IncidentRecorded incident) {
            return ofIncident(event.eventId(), incident);
        }
        if (event.payload() instanceof CaseOpened opened) {
            return ofCaseSignals(event.eventId(), opened.schoolId(), opened.pupilRef(), opened.opening().signals());
        }
        if (event.payload() instanceof SignalAttached attached) {
            return ofCaseSignals(event.eventId(), attached.schoolId(), attached.pupilRef(), List.of(attached.signal()));
        }
        if (event.payload() instanceof CaseReopened reopened) {
            return ofCaseSignals(event.eventId(), reopened.schoolId(), reopened.pupilRef(), reopened.reopening().newSignals());
        }
        return List.of();
    }

    /**
     * The alerts of the approval of step 5 (UI.md §3 flow C), which need the case as it stood with the event: a report
     * decision that awaits approval tells the case's responsible principal (the only one who may approve it), and a
     * decision the principal sent back tells the casemanager to take it again. Whether they still hold their role at the
     * school is asked of the staff directory as the event is handled; for one who no longer does, the school's principals
     * are told, so the item is not lost with the person. A decision taken by the case's own principal is approved at once (the case-service
     * applies the approval in the same command) and tells nobody.
     */
    public List<Alert> ofCase(PublishedEvent event, CaseFile file) {
        CaseTeam team = file.team();
        if (team == null) {
            return List.of();
        }
        String caseReference = "dossier " + file.caseId();
        if (event.payload() instanceof ReportDecided decided) {
            boolean byTheResponsiblePrincipal = decided.actor().hasRole(Role.PRINCIPAL) && decided.actor().personId().equals(team.principalId());
            if (byTheResponsiblePrincipal) {
                return List.of();
            }
            return List.of(messages.alert(NotificationType.REPORT_DECISION_AWAITS_APPROVAL, event.eventId(), decided.schoolId(), caseReference,
                    recipients.ofCaseTeam(NotificationType.REPORT_DECISION_AWAITS_APPROVAL, decided.schoolId(), List.of(team.principalId())), """
                    In een dossier meldcode van %s is het besluit over melden genomen. Het wacht op goedkeuring van de directeur:                     een melding bij Veilig Thuis wordt gedaan namens de directie.

                    Lees in het dossier de signalen, de stappen, de afwegingen en de besluiten, met wie en wanneer. Keur het                     besluit goed, of stuur het met een reden terug naar de casemanager.""".formatted(messages.schoolName(decided.schoolId()))));
        }
        if (event.payload() instanceof ReportDecisionSentBack sentBack) {
            return List.of(messages.alert(NotificationType.REPORT_DECISION_SENT_BACK, event.eventId(), sentBack.schoolId(), caseReference,
                    recipients.ofCaseTeam(NotificationType.REPORT_DECISION_SENT_BACK, sentBack.schoolId(), List.of(team.casemanagerId())), """
                    De directeur van %s heeft het besluit over melden in een dossier meldcode teruggestuurd, zonder het goed                     te keuren.

                    Lees de reden in het dossier en neem de twee besluiten van stap 5 opnieuw (is melden noodzakelijk? kan de                     school hulp bieden of organiseren?). Het nieuwe besluit gaat daarna weer ter goedkeuring naar de                     directeur.""".formatted(messages.schoolName(sentBack.schoolId()))));
        }
        return List.of();
    }

    /** The key under which one signal of one school alerts once, whichever event brings it. */
    public static String urgentSignalKey(String schoolId, String signalId) {
        return "urgent-signal:" + schoolId + ":" + signalId;
    }

    private List<Alert> ofCaseSignals(String eventId, String schoolId, String pupilRef, List<AttachedSignal> signals) {
        List<Alert> alerts = new ArrayList<>();
        for (AttachedSignal signal : signals) {
            if (signal.content().isUrgent()) {
                // one event may bring several signals: each is its own source
                alerts.add(urgent(eventId + ":" + signal.signalId(), schoolId, pupilRef, signal.signalId()));
            }
        }
        return alerts;
    }

    private Alert urgent(String sourceKey, String schoolId, String pupilRef, String signalId) {
        return messages.alert(NotificationType.URGENT_SIGNAL, sourceKey, schoolId, signalReference(pupilRef, signalId),
                recipients.of(NotificationType.URGENT_SIGNAL, schoolId), """
                Er is een signaal vastgelegd met een onthulling door het kind of een vermoeden van eergerelateerd geweld \
                op %s.

                Neem nu contact op met Veilig Thuis (0800-2000) voor advies. Voer niet eerst een gesprek met de ouders: \
                dat kan de veiligheid van het kind of van anderen in gevaar brengen.""".formatted(messages.schoolName(schoolId)))
                .once(urgentSignalKey(schoolId, signalId));
    }

    /** The same for both doors, so that an alert raised before signals had a key is still recognised. */
    public static String signalReference(String pupilRef, String signalId) {
        return "leerling " + pupilRef + ", signaal " + signalId;
    }

    private List<Alert> ofSignal(String eventId, SignalRecorded signal) {
        String reference = signalReference(signal.pupilRef(), signal.signalId());
        if (signal.urgentPath()) {
            return List.of(urgent(eventId, signal.schoolId(), signal.pupilRef(), signal.signalId()));
        }
        if (signal.content().category() == SignalCategory.HOME_SITUATION) {
            return List.of(messages.alert(NotificationType.HOME_SITUATION_SIGNAL, eventId, signal.schoolId(), reference,
                    recipients.of(NotificationType.HOME_SITUATION_SIGNAL, signal.schoolId()), """
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
                    recipients.of(NotificationType.MELDPLICHT_INCIDENT, incident.schoolId()), """
                    Op %s is een incident vastgelegd met een vermoeden van een zedendelict door een medewerker. Het bestuur \
                    heeft een meldplicht.

                    Raadpleeg direct de vertrouwensinspecteur (0900-1113111) en leg daarna in Meldspoor vast: het besluit \
                    over aangifte, het informeren van betrokkenen en de aangifte.""".formatted(messages.schoolName(incident.schoolId()))));
        }
        if (incident.report().severity() == Severity.SERIOUS) {
            return List.of(messages.alert(NotificationType.SERIOUS_INCIDENT, eventId, incident.schoolId(), reference,
                    recipients.of(NotificationType.SERIOUS_INCIDENT, incident.schoolId()), """
                    Op %s is een ernstig incident vastgelegd (%s).

                    Bekijk het incident in het incidentenregister en zorg dat het protocol wordt gevolgd en de ouders \
                    worden geïnformeerd.""".formatted(messages.schoolName(incident.schoolId()), incident.report().type().label())));
        }
        return List.of();
    }
}
