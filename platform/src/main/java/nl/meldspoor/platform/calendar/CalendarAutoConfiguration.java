package nl.meldspoor.platform.calendar;

import java.time.Clock;
import nl.meldspoor.api.calendar.DutchPublicHolidays;
import nl.meldspoor.api.calendar.LiberationDay;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Time and the Dutch working-day calendar, the same in every service: the clock (tests replace it),
 * working days with Liberation Day as configured ({@code meldspoor.cases.liberation-day}) and the
 * terms of the meldcode ({@code meldspoor.cases.veilig-thuis-feedback-days}). Each service folds its own view of a
 * case and applies these terms to it.
 */
@AutoConfiguration
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    WorkingDays workingDays(@Value("${meldspoor.cases.liberation-day:EVERY_FIFTH_YEAR}") LiberationDay liberationDay) {
        return new WorkingDays(new DutchPublicHolidays(liberationDay));
    }

    @Bean
    @ConditionalOnMissingBean
    MeldcodeTerms meldcodeTerms(WorkingDays workingDays, @Value("${meldspoor.cases.veilig-thuis-feedback-days:5}") int feedbackDays) {
        return new MeldcodeTerms(workingDays, feedbackDays);
    }
}
