package nl.meldspoor.signals.incident.state;

import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;
import nl.meldspoor.api.common.Retention;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dutch, human-readable one-line summaries of the facts in an incident's history. They use only
 * structured fields — never free text — so they can be shown wherever the timeline is shown.
 */
public final class IncidentEventSummaries {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl"));
    private static final long MINUTES_PER_HOUR = 60;
    private static final long MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

    private IncidentEventSummaries() {
    }

    public static String summarize(IncidentEvent event) {
        if (event instanceof IncidentRecorded e) {
            return "Incident geregistreerd: " + e.report().type().label() + " (" + lower(e.report().severity().label()) + "), gebeurd op "
                    + moment(e.report().occurredAt()) + "; protocol: " + lower(e.track().label())
                    + (e.meldplicht() ? ". De meldplicht geldt: het bestuur moet direct worden ingelicht." : ".");
        }
        if (event instanceof ParentsInformedOfIncident e) {
            return "Ouders geïnformeerd (" + lower(e.parentsInformed().how().label()) + ") op " + moment(e.parentsInformed().informedAt()) + ".";
        }
        if (event instanceof BullyingStepTaken e) {
            BullyingStep step = e.details().step();
            return "Vijfstappenaanpak, stap " + step.number() + " (" + lower(step.label()) + ") op " + moment(e.details().takenAt())
                    + informed(e.details().informed().size()) + ".";
        }
        if (event instanceof UnsafeBehaviourActionTaken e) {
            UnsafeBehaviourAction action = e.details().action();
            return "Actie " + action.number() + " (" + lower(action.label()) + ") op " + moment(e.details().takenAt())
                    + informed(e.details().informed().size()) + ".";
        }
        if (event instanceof MeldplichtStepTaken e) {
            MeldplichtStep step = e.details().step();
            return "Meldplicht, stap " + step.number() + " (" + lower(step.label()) + ") op " + moment(e.details().takenAt())
                    + meldplichtOutcome(e) + ".";
        }
        if (event instanceof IncidentClosed) {
            return "Incident afgesloten.";
        }
        if (event instanceof IncidentTextErased e) {
            return "De tekst van het incident is verwijderd na de bewaartermijn van " + Retention.describe(e.retention())
                    + " na het afsluiten; soort, ernst en data blijven bewaard.";
        }
        return "Gebeurtenis bij het incident.";
    }

    private static String meldplichtOutcome(MeldplichtStepTaken e) {
        MeldplichtStepDetails details = e.details();
        return switch (details.step()) {
            case BOARD_INFORMED -> ", " + duration(e.minutesSinceFirstKnown()) + " nadat de school het wist";
            case INSPECTOR_CONSULTED -> Boolean.TRUE.equals(details.reasonableSuspicion())
                    ? "; de vertrouwensinspecteur stelde een redelijk vermoeden van een zedendelict vast"
                    : "; de vertrouwensinspecteur stelde geen redelijk vermoeden vast";
            case POLICE_REPORT_DECIDED -> Boolean.TRUE.equals(details.fileReport())
                    ? "; het bestuur doet aangifte" : "; het bestuur doet geen aangifte";
            case PARTIES_INFORMED -> informed(details.informed().size());
            case POLICE_REPORT_FILED -> "";
        };
    }

    /** A span of minutes in Dutch, e.g. "45 minuten", "2 uur en 5 minuten", "3 dagen en 4 uur". */
    public static String duration(long minutes) {
        if (minutes < MINUTES_PER_HOUR) {
            return count(minutes, "minuut", "minuten");
        }
        if (minutes < MINUTES_PER_DAY) {
            long rest = minutes % MINUTES_PER_HOUR;
            return minutes / MINUTES_PER_HOUR + " uur" + (rest == 0 ? "" : " en " + count(rest, "minuut", "minuten"));
        }
        long hours = minutes % MINUTES_PER_DAY / MINUTES_PER_HOUR;
        return count(minutes / MINUTES_PER_DAY, "dag", "dagen") + (hours == 0 ? "" : " en " + hours + " uur");
    }

    private static String informed(int parties) {
        return parties == 0 ? "" : "; " + count(parties, "partij", "partijen") + " geïnformeerd";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String moment(Instant instant) {
        return MOMENT.format(instant.atZone(AMSTERDAM));
    }

    private static String lower(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
