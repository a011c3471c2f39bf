package nl.meldspoor.notifications.reminder.fold;

public enum CaseStatus {
    OPEN,
    CLOSED
}
