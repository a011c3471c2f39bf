package nl.meldspoor.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.organisation.Recipients;
import nl.meldspoor.notifications.reminder.CaseWatches;
import nl.meldspoor.notifications.reminder.ReminderScheduler;
import nl.meldspoor.notifications.reminder.ReminderTexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service's scheduling, as its {@code application.yml} configures it: while a reminder scan works through a board's
 * backlog, the mail goes on — an urgent signal's alert does not wait for the scan. The scan here does not end until the
 * mail has been looked for (or ten seconds have passed); with one scheduler thread for both, the mail would wait for it.
 */
@SpringBootTest(classes = MailBesideAReminderScanTest.Scheduling.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "meldspoor.notifications.scan-interval=20ms")
class MailBesideAReminderScanTest {

    static final CountDownLatch SCAN_RUNNING = new CountDownLatch(1);
    static final CountDownLatch MAIL_LOOKED_FOR = new CountDownLatch(1);

    @Autowired
    ReminderScheduler reminders;

    @Test
    void theMailIsLookedForWhileAReminderScanRuns() throws InterruptedException {
        assertThat(SCAN_RUNNING.await(10, TimeUnit.SECONDS)).as("a reminder scan started").isTrue();
        assertThat(MAIL_LOOKED_FOR.await(5, TimeUnit.SECONDS)).as("the due mail looked for while the scan still runs").isTrue();
    }

    @Configuration
    @EnableScheduling
    @ImportAutoConfiguration(TaskSchedulingAutoConfiguration.class)
    static class Scheduling {

        private final Recipients recipients = loadedRecipients();

        private static Recipients loadedRecipients() {
            Recipients recipients = mock(Recipients.class);
            when(recipients.isLoaded()).thenReturn(true);
            return recipients;
        }

        @Bean
        ReminderScheduler reminderScheduler() {
            CaseWatches watches = mock(CaseWatches.class);
            when(watches.dueAndFree(any(), anyInt())).thenAnswer(scan -> {
                SCAN_RUNNING.countDown();
                MAIL_LOOKED_FOR.await(10, TimeUnit.SECONDS);
                return List.of();
            });
            return new ReminderScheduler(watches, mock(ReminderTexts.class), mock(Notifications.class), recipients, Clock.systemUTC(),
                    properties());
        }

        @Bean
        MailDispatcher mailDispatcher() {
            Notifications notifications = mock(Notifications.class);
            when(notifications.mailDue(any(), anyInt())).thenAnswer(read -> {
                if (SCAN_RUNNING.getCount() == 0) {
                    MAIL_LOOKED_FOR.countDown();
                }
                return List.of();
            });
            return new MailDispatcher(notifications, recipients, mock(JavaMailSender.class), properties(), Clock.systemUTC(),
                    new SimpleMeterRegistry());
        }

        private static NotificationProperties properties() {
            return new NotificationProperties(null, null, null, null, null, null, null, null, null, null);
        }
    }
}
