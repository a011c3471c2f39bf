package nl.meldspoor.api.meldcase;

import java.time.LocalDate;

/**
 * Something a case waits for, and by when.
 *
 * @param kind REPORT_REQUIRED, PRINCIPAL_APPROVAL, VEILIG_THUIS_FEEDBACK or HELP_EVALUATION
 */
public record Deadline(String kind, String description, LocalDate due) {

    public static final String REPORT_REQUIRED = "REPORT_REQUIRED";
    public static final String PRINCIPAL_APPROVAL = "PRINCIPAL_APPROVAL";
    public static final String VEILIG_THUIS_FEEDBACK = "VEILIG_THUIS_FEEDBACK";
    public static final String HELP_EVALUATION = "HELP_EVALUATION";

    public boolean overdueOn(LocalDate day) {
        return day.isAfter(due);
    }
}
