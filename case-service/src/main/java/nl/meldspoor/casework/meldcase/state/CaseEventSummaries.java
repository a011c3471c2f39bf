package nl.meldspoor.casework.meldcase.state;

import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ConsentAnswer;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.ExpertType;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TalkWithChildSkipped;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.api.common.Retention;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.meldspoor.api.signal.SignalFlag;

/**
 * Dutch, human-readable one-line summaries of the facts in a case's history. They use only
 * structured fields — never free text — so they can be shown wherever the timeline is shown.
 */
public final class CaseEventSummaries {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    private CaseEventSummaries() {
    }

    public static String summarize(MeldcodeCaseEvent event) {
        if (event instanceof CaseOpened e) {
            return "Dossier meldcode geopend met " + count(e.opening().signals().size(), "signaal", "signalen") + ".";
        }
        if (event instanceof SignalAttached e) {
            String urgent = e.signal().content().isUrgent() ? " (urgent: " + flags(e.signal()) + ")" : "";
            return "Signaal toegevoegd aan het dossier" + urgent + ".";
        }
        if (event instanceof AttachedSignalCorrected) {
            return "Een signaal in het dossier is gecorrigeerd in het zorglogboek; beide versies blijven bewaard.";
        }
        if (event instanceof TeacherInvolved) {
            return "Leerkracht betrokken bij stap 1 tot en met 3.";
        }
        if (event instanceof ColleagueConsulted e) {
            // The colleague's capacity is sealed free text ("leerkracht van het broertje"): a summary is one
            // string that no opener looks inside, so it names only what is no personal data.
            return "Stap 2: collega geraadpleegd; zelfde signalen gezien: "
                    + yesNo(e.consultation().sameSignalsSeen()) + ".";
        }
        if (event instanceof VeiligThuisConsulted e) {
            return "Stap 2: advies gevraagd aan Veilig Thuis" + (e.consultation().anonymous() ? " (anoniem)" : "") + ".";
        }
        if (event instanceof ExpertConsulted e) {
            return "Stap 2: deskundige geraadpleegd (" + expert(e.consultation().expert()) + ").";
        }
        if (event instanceof ChildTalkedTo) {
            return "Stap 3: gesprek met het kind gevoerd.";
        }
        if (event instanceof TalkWithChildSkipped) {
            return "Stap 3: afgezien van een gesprek met het kind, met reden.";
        }
        if (event instanceof ParentsTalkedTo e) {
            return "Gesprek met de ouders gevoerd (" + count(e.conversation().staffPresent().size(), "medewerker", "medewerkers")
                    + "; kindcheck " + (e.conversation().kindcheck().performed() ? "gedaan" : "niet gedaan") + ").";
        }
        if (event instanceof TalkWithParentsSkipped e) {
            return "Stap 3: afgezien van het gesprek met de ouders (" + skipReason(e.skip().reason()) + ").";
        }
        if (event instanceof ConsentRecorded e) {
            return e.consent().answer() == ConsentAnswer.GIVEN
                    ? "Ouders gaven toestemming om de leerling met externen te bespreken."
                    : "Ouders weigerden toestemming om de leerling met externen te bespreken; dit is een zorgelijk signaal.";
        }
        if (event instanceof ConcernsWeighed e) {
            return "Stap 4: " + capitalize(e.weighing().question().dutchName()) + " beantwoord met '" + answer(e.weighing().answer()) + "'"
                    + consequence(e.outcome()) + ".";
        }
        if (event instanceof ReportDecided e) {
            return "Stap 5: besloten dat melden " + (e.decision().reportNecessary() ? "noodzakelijk" : "niet noodzakelijk")
                    + " is en dat de school " + (e.decision().schoolCanOfferHelp() ? "wel" : "geen") + " hulp kan bieden of organiseren"
                    + (e.applicableMeldnorm() == null ? "" : " (" + e.applicableMeldnorm().dutchDescription() + ")") + ".";
        }
        if (event instanceof ReportDecisionApproved) {
            return "Stap 5: besluit over melden goedgekeurd door de directeur.";
        }
        if (event instanceof ReportDecisionSentBack) {
            return "Stap 5: besluit over melden teruggestuurd door de directeur; het besluit wordt opnieuw genomen.";
        }
        if (event instanceof ParentsInformedOfReport e) {
            boolean objections = e.conversation().objections() != null && !e.conversation().objections().isBlank();
            return "Stap 5: ouders ingelicht over de melding" + (objections ? "; hun bezwaren zijn vastgelegd" : "") + ".";
        }
        if (event instanceof InformingParentsOfReportSkipped e) {
            return "Stap 5: ouders niet vooraf ingelicht over de melding (" + skipReason(e.skip().reason()) + ").";
        }
        if (event instanceof ReportRecorded e) {
            return "Stap 5: melding gedaan bij Veilig Thuis namens de directie op " + date(e.report().reportedAt())
                    + (e.report().reporterAnonymityRequested() ? "; de melder vroeg anonimiteit" : "") + ".";
        }
        if (event instanceof VeiligThuisFeedbackRecorded e) {
            return "Terugkoppeling van Veilig Thuis ontvangen: " + veiligThuisDecision(e.feedback().decision()) + ".";
        }
        if (event instanceof HelpStarted e) {
            return "Hulp ingezet met termijn tot " + DATE.format(e.plan().term()) + ".";
        }
        if (event instanceof HelpEvaluated e) {
            return "Afweging 5 (resultaat): de hulp " + (e.evaluation().resultsAchieved()
                    ? "bereikte de afgesproken resultaten; afgesloten met afspraken over monitoring"
                    : "bereikte de afgesproken resultaten niet") + consequence(e.outcome()) + ".";
        }
        if (event instanceof CaseClosed e) {
            return "Dossier gesloten: " + outcome(e.closure().outcome()) + ".";
        }
        if (event instanceof CaseReopened e) {
            return "Dossier heropend" + (e.reopening().newSignals().isEmpty() ? "" : " met "
                    + count(e.reopening().newSignals().size(), "nieuw signaal", "nieuwe signalen")) + ".";
        }
        if (event instanceof CaseTextErased e) {
            return "De tekst van het dossier is verwijderd na de bewaartermijn van " + Retention.describe(e.retention())
                    + " na het sluiten; de feiten en data blijven bewaard.";
        }
        return "Gebeurtenis in het dossier.";
    }

    private static String consequence(WeighingOutcome outcome) {
        return outcome.reportRequired() ? "; melden is noodzakelijk (" + outcome.meldnorm().dutchDescription() + ")" : "";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String flags(AttachedSignal signal) {
        return signal.content().flags().stream()
                .map(flag -> flag == SignalFlag.DISCLOSURE ? "onthulling" : "eergerelateerd geweld")
                .sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String yesNo(SameSignals same) {
        return switch (same) {
            case YES -> "ja";
            case NO -> "nee";
            case UNKNOWN -> "onbekend";
        };
    }

    private static String answer(WeighingAnswer answer) {
        return switch (answer) {
            case YES -> "ja";
            case NO -> "nee";
            case DOUBT -> "twijfel";
        };
    }

    private static String expert(ExpertType expert) {
        return switch (expert) {
            case SCHOOL_SOCIAL_WORK -> "schoolmaatschappelijk werk";
            case YOUTH_DOCTOR -> "jeugdarts";
            case INJURY_ASSESSMENT -> "letselduiding";
            case LEC_EGG -> "LEC Eergerelateerd Geweld";
            case RAAD_VOOR_DE_KINDERBESCHERMING -> "Raad voor de Kinderbescherming";
            case POLICE -> "politie";
            case CERTIFIED_INSTITUTION -> "gecertificeerde instelling";
            case OTHER -> "andere deskundige";
        };
    }

    public static String skipReason(ParentContactSkipReason reason) {
        return switch (reason) {
            case SAFETY_OF_CHILD -> "veiligheid van het kind";
            case SAFETY_OF_REPORTER_OR_OTHERS -> "veiligheid van de melder of anderen";
            case PARENTS_LIKELY_TO_BREAK_CONTACT -> "ouders verbreken waarschijnlijk het contact";
            case DISCLOSURE -> "onthulling door het kind";
            case HONOUR_RELATED -> "eergerelateerd geweld";
        };
    }

    public static String veiligThuisDecision(VeiligThuisDecision decision) {
        return switch (decision) {
            case END_OF_INVOLVEMENT -> "geen verdere bemoeienis";
            case HANDOVER_TO_NEW_HELP -> "overdracht naar nieuwe hulp";
            case HANDOVER_TO_EXISTING_HELP -> "overdracht naar bestaande hulp";
            case SAFETY_CONDITIONS_AND_FOLLOW_UP -> "veiligheidsvoorwaarden en vervolg";
            case OWN_INVESTIGATION -> "eigen onderzoek door Veilig Thuis";
            case MONITORING -> "monitoring";
        };
    }

    public static String outcome(CaseOutcome outcome) {
        return switch (outcome) {
            case NO_SUSPICION -> "het vermoeden is ongegrond gebleken";
            case HELP_COMPLETED -> "hulp afgerond met afspraken over nazorg";
            case REPORTED_AND_HANDED_OVER -> "gemeld bij Veilig Thuis en overgedragen";
        };
    }

    private static String date(Instant instant) {
        return DATE.format(instant.atZone(AMSTERDAM));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
