package nl.meldspoor.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * At 00:30 in Amsterdam it is still yesterday in UTC, where the servers run: a date received today (a parent's
 * correction request, a view, an answer) was refused as lying in the future by Bean Validation's default clock.
 */
class DatesAreJudgedInTheSchoolsZoneTest {

    /** 2026-12-03 23:30 UTC: 2026-12-04 00:30 in Amsterdam. */
    private static final Clock HALF_PAST_MIDNIGHT_IN_AMSTERDAM = Clock.fixed(Instant.parse("2026-12-03T23:30:00Z"), ZoneOffset.UTC);

    record Received(@PastOrPresent LocalDate receivedOn) {
    }

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendarAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withBean(Clock.class, () -> HALF_PAST_MIDNIGHT_IN_AMSTERDAM);

    @Test
    void todayInAmsterdamIsNotInTheFutureWhileUtcIsStillAtYesterday() {
        service.run(context -> {
            Validator validator = context.getBean(Validator.class);
            assertThat(validator.validate(new Received(LocalDate.of(2026, 12, 4)))).as("today in Amsterdam").isEmpty();
            assertThat(validator.validate(new Received(LocalDate.of(2026, 12, 5)))).as("tomorrow in Amsterdam").hasSize(1);
        });
    }

    @Test
    void theValidatorFactoryThatChecksCommandsJudgesInTheSameZone() {
        service.run(context -> assertThat(context.getBean(ValidatorFactory.class).getClockProvider().getClock())
                .isEqualTo(HALF_PAST_MIDNIGHT_IN_AMSTERDAM.withZone(CalendarAutoConfiguration.SCHOOL_ZONE)));
    }
}
