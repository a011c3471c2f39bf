package nl.meldspoor.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.notifications.alert.NotificationType;
import org.junit.jupiter.api.Test;

class CaseWatchTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T07:00:00Z");

    private static Reminder reminder(String key, Instant dueAt) {
        return new Reminder(key, NotificationType.CASE_INACTIVE_REMINDER, dueAt, List.of("ib-a"), LocalDate.parse("2026-11-09"));
    }

    @Test
    void aReminderGivenIsNeverAwaitedAgainAndTheNextOneIsWhatComesDue() {
        CaseWatch watch = CaseWatch.start("case-1");
        Reminder first = reminder("INACTIVE:1:REMINDER", MONDAY);
        Reminder second = reminder("INACTIVE:1:ESCALATION", MONDAY.plusSeconds(7 * 86_400));
        watch.await("school-a", List.of(first, second));

        assertThat(watch.dueAt(MONDAY)).containsExactly(first);
        watch.given(first);
        watch.await("school-a", List.of(first, second));

        assertThat(watch.dueAt(MONDAY)).isEmpty();
        assertThat(watch.nextDueAt()).isEqualTo(second.dueAt());
        assertThat(watch.given()).containsExactly(first.key());
    }

    @Test
    void aReminderNoLongerAwaitedDisappears() {
        CaseWatch watch = CaseWatch.start("case-1");
        watch.await("school-a", List.of(reminder("VEILIG_THUIS_FEEDBACK:2026-11-30", MONDAY)));

        watch.await("school-a", List.of());

        assertThat(watch.pending()).isEmpty();
        assertThat(watch.nextDueAt()).isNull();
    }
}
