package nl.meldspoor.web.leadership;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Deadlines of the school's open cases, for the directeur: overdue and upcoming. */
public record WorkList(List<Item> overdue, List<Item> upcoming) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Periods.DUTCH);

    public record Item(String caseId, int step, String kind, String description, LocalDate due) {

        public String day() {
            return DAY.format(due);
        }

        /** The service's description without a closing full stop, so "– uiterlijk …" reads on. */
        public String what() {
            String text = description == null || description.isBlank() ? "Termijn" : description.strip();
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }

        public String shortCase() {
            return caseId.length() > 8 ? caseId.substring(0, 8) : caseId;
        }
    }

    public boolean empty() {
        return overdue.isEmpty() && upcoming.isEmpty();
    }
}
