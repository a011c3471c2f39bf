package nl.meldspoor.notifications.alert;

/** Every alert and reminder of DOMAIN.md §5, with its Dutch title (used in the subject, which never names a pupil). */
public enum NotificationType {
    URGENT_SIGNAL("Urgent signaal: neem nu contact op met Veilig Thuis"),
    HOME_SITUATION_SIGNAL("Nieuw signaal over de thuissituatie"),
    VEILIG_THUIS_FEEDBACK_MISSING("Nog geen terugkoppeling van Veilig Thuis"),
    HELP_EVALUATION_DUE("Hulp evalueren: de afgesproken termijn is bereikt"),
    CASE_INACTIVE_REMINDER("Dossier meldcode zonder recente activiteit"),
    CASE_INACTIVE_ESCALATION("Dossier meldcode staat stil: actie van de directie nodig"),
    MELDPLICHT_INCIDENT("Meldplicht: vermoeden van een zedendelict door een medewerker"),
    SERIOUS_INCIDENT("Ernstig incident op school"),
    REPORT_DECISION_AWAITS_APPROVAL("Besluit over melden wacht op goedkeuring"),
    REPORT_DECISION_SENT_BACK("Besluit over melden teruggestuurd door de directeur");

    private final String title;

    NotificationType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
