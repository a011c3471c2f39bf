package nl.meldspoor.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.meldspoor.notifications.NotificationProperties;
import org.junit.jupiter.api.Test;

class MailDispatcherBackOffTest {

    @Test
    void theWaitDoublesWithEveryFailureUpToTheMaximum() {
        NotificationProperties properties = new NotificationProperties(null, null, null, null, null, null, null, null, null,
                new NotificationProperties.Mail(null, Duration.ofMinutes(1), Duration.ofMinutes(10), null));
        MailDispatcher dispatcher = new MailDispatcher(null, null, null, properties, null, null);

        assertThat(dispatcher.backOff(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(dispatcher.backOff(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(dispatcher.backOff(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(dispatcher.backOff(4)).isEqualTo(Duration.ofMinutes(10));
        assertThat(dispatcher.backOff(40)).isEqualTo(Duration.ofMinutes(10));
    }
}
