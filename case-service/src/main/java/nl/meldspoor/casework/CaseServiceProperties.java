package nl.meldspoor.casework;

import nl.meldspoor.api.calendar.LiberationDay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param liberationDay            whether 5 May counts as a day off when counting working days
 * @param veiligThuisFeedbackDays  working days within which Veilig Thuis decides after a report
 * @param historyCacheEvents       how many events the histories of the cases read last hold in all, kept as read so that
 *                                 a long case's timeline and state read only its newest events from the store, and as
 *                                 many timeline entries kept written as JSON (0: none)
 */
@ConfigurationProperties("meldspoor.cases")
public record CaseServiceProperties(LiberationDay liberationDay, Integer veiligThuisFeedbackDays, Integer historyCacheEvents) {

    public CaseServiceProperties {
        liberationDay = liberationDay == null ? LiberationDay.EVERY_FIFTH_YEAR : liberationDay;
        veiligThuisFeedbackDays = veiligThuisFeedbackDays == null ? 5 : veiligThuisFeedbackDays;
        historyCacheEvents = historyCacheEvents == null ? 20_000 : historyCacheEvents;
    }
}
