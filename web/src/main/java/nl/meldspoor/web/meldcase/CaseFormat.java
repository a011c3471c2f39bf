package nl.meldspoor.web.meldcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Dutch words for what the case-service answers: times, roles, answers, statuses. Used by the templates as {@code @caseFormat}. */
@Component("caseFormat")
public class CaseFormat {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH).withZone(CaseCommand.SCHOOL_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH);
    private static final Map<String, String> ROLES = Map.of("TEACHER", "leerkracht", "CARE_COORDINATOR", "IB'er", "ADVISOR", "aandachtsfunctionaris",
            "PRINCIPAL", "directeur", "CONFIDANT", "vertrouwenspersoon", "CLUSTER_DIRECTOR", "clusterdirectie", "BOARD_OFFICER", "bestuur",
            "AUDITOR", "auditor", "SYSTEM", "systeem");
    private static final Map<String, String> ANSWERS = Map.of("YES", "Ja", "NO", "Nee", "DOUBT", "Twijfel (telt als ja)");
    private static final Map<String, String> STEP_NAMES = Map.of(1, "Signalen in kaart brengen", 2, "Collegiale consultatie",
            3, "Gesprek met kind en ouders", 4, "Wegen", 5, "Beslissen").entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(entry -> String.valueOf(entry.getKey()), Map.Entry::getValue));

    public String moment(Object instant) {
        return instant == null ? "" : MOMENT.format(Instant.parse(instant.toString()));
    }

    public String day(Object date) {
        return date == null ? "" : DAY.format(LocalDate.parse(date.toString()));
    }

    /** A deadline as the service describes it, with its day: "Direct melden bij Veilig Thuis: … – uiterlijk woensdag 2 december 2026". */
    public String deadline(Object description, Object due) {
        String text = description == null ? "Termijn" : description.toString().strip();
        return (text.endsWith(".") ? text.substring(0, text.length() - 1) : text) + " – uiterlijk " + day(due);
    }

    public String role(Object role) {
        return role == null ? "" : ROLES.getOrDefault(role.toString(), role.toString());
    }

    public String answer(Object answer) {
        return answer == null ? "" : ANSWERS.getOrDefault(answer.toString(), answer.toString());
    }

    public String question(Object question) {
        return question == null ? "" : Afwegingen.QUESTIONS.getOrDefault(question.toString(), question.toString());
    }

    public String meldnorm(Object meldnorm) {
        return meldnorm == null ? "" : Afwegingen.MELDNORMEN.getOrDefault(meldnorm.toString(), meldnorm.toString());
    }

    public String stepName(Object step) {
        return STEP_NAMES.getOrDefault(String.valueOf(step), "Dossier");
    }

    /** The status of a step as the reporting-service's rapportage reports it. */
    public String stepStatus(Map<String, Object> step) {
        if (step == null) {
            return "Nog niet bekend";
        }
        return switch (String.valueOf(step.get("status"))) {
            case "COMPLETE" -> "Afgerond";
            case "IN_PROGRESS" -> "Bezig";
            case "INCOMPLETE" -> "Onvolledig: " + String.join("; ", missing(step));
            case "NOT_APPLICABLE" -> "Niet van toepassing";
            default -> "Nog niet";
        };
    }

    public String stepTag(Map<String, Object> step) {
        if (step == null) {
            return "govuk-tag--grey";
        }
        return switch (String.valueOf(step.get("status"))) {
            case "COMPLETE" -> "govuk-tag--green";
            case "IN_PROGRESS" -> "govuk-tag--light-blue";
            case "INCOMPLETE" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }

    /** One option's Dutch label, for showing an answer the service stored. */
    public String label(String slug, String field, Object value) {
        CaseCommand command = CaseCommands.get(slug);
        if (command == null || value == null) {
            return value == null ? "" : value.toString();
        }
        return command.fields().stream().filter(candidate -> candidate.name().equals(field)).flatMap(candidate -> candidate.options().stream())
                .filter(option -> option.value().equals(value.toString())).map(CaseCommand.Option::label).findFirst().orElse(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> missing(Map<String, Object> step) {
        Object missing = step.get("missing");
        return missing instanceof List<?> list ? (List<String>) list : List.of();
    }
}
