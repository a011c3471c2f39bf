package nl.meldspoor.platform.calendar;

import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.ZoneId;
import nl.meldspoor.api.calendar.DutchPublicHolidays;
import nl.meldspoor.api.calendar.LiberationDay;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Time and the Dutch working-day calendar, the same in every service: the clock (tests replace it), Bean Validation's
 * now in the schools' zone,
 * working days with Liberation Day as configured ({@code meldspoor.cases.liberation-day}) and the
 * terms of the meldcode ({@code meldspoor.cases.veilig-thuis-feedback-days}). Each service folds its own view of a
 * case and applies these terms to it.
 */
@AutoConfiguration
public class CalendarAutoConfiguration {

    /** The zone of every school's dates. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * What Bean Validation calls now ({@code @PastOrPresent} and the like): the clock's moment in the schools' zone. A date
     * is a Dutch date: at 00:30 in Amsterdam, today is already tomorrow in UTC's terms, and a date received today must
     * not be refused as in the future by a server that runs in UTC.
     */
    @Bean
    @ConditionalOnMissingBean
    ClockProvider schoolZoneClockProvider(Clock clock) {
        Clock inTheSchoolsZone = clock.withZone(SCHOOL_ZONE);
        return () -> inTheSchoolsZone;
    }

    @Bean
    ValidationConfigurationCustomizer validationInTheSchoolsZone(ClockProvider clockProvider) {
        return configuration -> configuration.clockProvider(clockProvider);
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
