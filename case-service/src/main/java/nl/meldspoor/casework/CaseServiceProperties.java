package nl.meldspoor.casework;

import nl.meldspoor.api.calendar.LiberationDay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param liberationDay            whether 5 May counts as a day off when counting working days
 * @param veiligThuisFeedbackDays  working days within which Veilig Thuis decides after a report
 */
@ConfigurationProperties("meldspoor.cases")
public record CaseServiceProperties(LiberationDay liberationDay, Integer veiligThuisFeedbackDays) {

    public CaseServiceProperties {
        liberationDay = liberationDay == null ? LiberationDay.EVERY_FIFTH_YEAR : liberationDay;
        veiligThuisFeedbackDays = veiligThuisFeedbackDays == null ? 5 : veiligThuisFeedbackDays;
    }
}
