package nl.meldspoor.platform.calendar;

import java.time.Clock;
import nl.meldspoor.api.calendar.DutchPublicHolidays;
import nl.meldspoor.api.calendar.LiberationDay;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.state.Deadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Time and the Dutch working-day calendar, the same in every service: the clock (tests replace it),
 * working days with Liberation Day as configured ({@code meldspoor.cases.liberation-day}) and the
 * deadlines of a case ({@code meldspoor.cases.veilig-thuis-feedback-days}).
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
    Deadlines deadlines(WorkingDays workingDays, @Value("${meldspoor.cases.veilig-thuis-feedback-days:5}") int feedbackDays) {
        return new Deadlines(workingDays, feedbackDays);
    }
}
