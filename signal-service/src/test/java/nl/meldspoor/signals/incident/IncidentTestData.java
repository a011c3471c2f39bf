package nl.meldspoor.signals.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentClosure;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;

/** People, moments and ready-made histories for the incident scenarios. */
final class IncidentTestData {

    static final String INCIDENT_ID = "incident-1";
    static final String SCHOOL = "school-a";
    static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    static final Actor CONFIDANT = new Actor("icp-femke", Role.CONFIDANT);
    static final Actor BOARD_OFFICER = new Actor("bestuur-bas", Role.BOARD_OFFICER);
    /** When the incident happened. */
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    /** When the school first learned of it: half an hour later. */
    static final Instant KNOWN = T0.plus(Duration.ofMinutes(30));
    /** When it was recorded. */
    static final Instant RECORDED = T0.plus(Duration.ofHours(1));

    static final InvolvedParty BULLIED = new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a");
    static final InvolvedParty BULLY = new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "pupil-91bc");
    static final InvolvedParty STAFF_MEMBER = new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-12");

    private IncidentTestData() {
    }

    /** A moment the given number of minutes after the incident happened. */
    static Instant minutes(long n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static IncidentReport report(IncidentType type, Severity severity, InvolvedParty... parties) {
        return new IncidentReport(SCHOOL, T0, KNOWN, "schoolplein", type, severity, List.of(parties),
                "Tijdens de pauze werd een leerling door een klasgenoot geduwd en uitgescholden.",
                "Leerlingen uit elkaar gehaald; beiden gesproken door de pleinwacht.", null, false, null, "Gesprek met beide leerlingen morgen.");
    }

    static IncidentReport bullyingReport() {
        return report(IncidentType.SERIOUS_BULLYING, Severity.SERIOUS, BULLIED, BULLY);
    }

    static IncidentReport unsafeBehaviourReport() {
        return report(IncidentType.PHYSICAL_VIOLENCE, Severity.MINOR, BULLIED, BULLY);
    }

    static IncidentReport meldplichtReport() {
        return report(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS, BULLIED, STAFF_MEMBER);
    }

    static IncidentRecorded recorded(IncidentReport report) {
        ProtocolTrack track = ProtocolTrack.of(report);
        return new IncidentRecorded(INCIDENT_ID, SCHOOL, TEACHER, RECORDED, report, track, track == ProtocolTrack.MELDPLICHT);
    }

    static ParentsInformed parentsInformed(ParentContactMethod how, Instant at) {
        return new ParentsInformed(how, at, "Moeder is geschrokken en komt morgen langs.");
    }

    static BullyingStepDetails bullyingStep(BullyingStep step, Instant takenAt) {
        return new BullyingStepDetails(step, takenAt, List.of("ouders", "directie", "gedragscoördinator"), "Afspraken gemaakt.");
    }

    static UnsafeBehaviourActionDetails action(UnsafeBehaviourAction action, Instant takenAt) {
        return new UnsafeBehaviourActionDetails(action, takenAt, List.of("ouders", "intern begeleider"), "Afspraken gemaakt.");
    }

    /** A meldplicht step with exactly the fields that belong to it. */
    static MeldplichtStepDetails meldplichtStep(MeldplichtStep step, Instant takenAt) {
        return switch (step) {
            case BOARD_INFORMED -> new MeldplichtStepDetails(step, takenAt, List.of("bestuur"), null, null, null, null, null);
            case INSPECTOR_CONSULTED -> inspectorConsulted(takenAt, true);
            case POLICE_REPORT_DECIDED -> policeReportDecided(takenAt, true);
            case PARTIES_INFORMED -> new MeldplichtStepDetails(step, takenAt, List.of("ouders van de leerling", "aangeklaagde"),
                    "Beide partijen persoonlijk ingelicht.", null, null, null, null);
            case POLICE_REPORT_FILED -> new MeldplichtStepDetails(step, takenAt, List.of(), null, null, null, null, "PV-2026-1187");
        };
    }

    static MeldplichtStepDetails inspectorConsulted(Instant takenAt, Boolean reasonableSuspicion) {
        return new MeldplichtStepDetails(MeldplichtStep.INSPECTOR_CONSULTED, takenAt, List.of("vertrouwensinspecteur"),
                "Telefonisch overleg.", reasonableSuspicion, null, null, null);
    }

    static MeldplichtStepDetails policeReportDecided(Instant takenAt, Boolean fileReport) {
        return new MeldplichtStepDetails(MeldplichtStep.POLICE_REPORT_DECIDED, takenAt, List.of(), null, null, fileReport,
                "Besluit na overleg met de vertrouwensinspecteur.", null);
    }

    static IncidentClosure closure() {
        return new IncidentClosure("Afgehandeld; meegenomen in de jaarlijkse analyse.");
    }

    /** A history built step by step, so that each scenario starts from exactly the state it is about. */
    static final class History {
        private final List<Object> events = new ArrayList<>();
        private final IncidentReport report;

        private History(IncidentReport report) {
            this.report = report;
            events.add(recorded(report));
        }

        static History of(IncidentReport report) {
            return new History(report);
        }

        static History bullying() {
            return of(bullyingReport());
        }

        static History unsafeBehaviour() {
            return of(unsafeBehaviourReport());
        }

        static History meldplicht() {
            return of(meldplichtReport());
        }

        private History add(IncidentEvent event) {
            events.add(event);
            return this;
        }

        History parentsInformed(ParentContactMethod how, Instant at) {
            return add(new ParentsInformedOfIncident(INCIDENT_ID, SCHOOL, TEACHER, at, IncidentTestData.parentsInformed(how, at)));
        }

        History bullyingStep(BullyingStep step, Instant at) {
            return add(new BullyingStepTaken(INCIDENT_ID, SCHOOL, TEACHER, at, IncidentTestData.bullyingStep(step, at)));
        }

        History action(UnsafeBehaviourAction action, Instant at) {
            return add(new UnsafeBehaviourActionTaken(INCIDENT_ID, SCHOOL, PRINCIPAL, at, IncidentTestData.action(action, at)));
        }

        History meldplichtStep(MeldplichtStepDetails details) {
            Actor actor = details.step() == MeldplichtStep.BOARD_INFORMED ? CONFIDANT : BOARD_OFFICER;
            int minutes = (int) Duration.between(report.firstKnownAt(), details.takenAt()).toMinutes();
            return add(new MeldplichtStepTaken(INCIDENT_ID, SCHOOL, actor, details.takenAt(), details, minutes));
        }

        /** The board was told 45 minutes after the school knew. */
        History boardInformed() {
            return meldplichtStep(IncidentTestData.meldplichtStep(MeldplichtStep.BOARD_INFORMED, minutes(75)));
        }

        History inspectorConsulted(boolean reasonableSuspicion) {
            return boardInformed().meldplichtStep(IncidentTestData.inspectorConsulted(minutes(180), reasonableSuspicion));
        }

        History policeReportDecided(boolean reasonableSuspicion, boolean fileReport) {
            return inspectorConsulted(reasonableSuspicion).meldplichtStep(IncidentTestData.policeReportDecided(day(1), fileReport));
        }

        History partiesInformed(boolean reasonableSuspicion, boolean fileReport) {
            return policeReportDecided(reasonableSuspicion, fileReport)
                    .meldplichtStep(IncidentTestData.meldplichtStep(MeldplichtStep.PARTIES_INFORMED, day(2)));
        }

        /** The whole meldplicht on a reasonable suspicion, up to the police report filed. */
        History reportFiled() {
            return partiesInformed(true, true).meldplichtStep(IncidentTestData.meldplichtStep(MeldplichtStep.POLICE_REPORT_FILED, day(3)));
        }

        History closed() {
            Actor actor = ProtocolTrack.of(report) == ProtocolTrack.MELDPLICHT ? BOARD_OFFICER : PRINCIPAL;
            return add(new IncidentClosed(INCIDENT_ID, SCHOOL, actor, day(10), closure()));
        }

        Object[] events() {
            return events.toArray();
        }
    }
}
