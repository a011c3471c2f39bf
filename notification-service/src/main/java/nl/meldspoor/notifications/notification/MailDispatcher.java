package nl.meldspoor.notifications.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.organisation.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the notifications' e-mail: at least once, retried with a doubling wait while the SMTP
 * server cannot be reached, every attempt recorded. An instance claims a mail before sending it, so
 * two instances do not send the same one; the Message-ID is the notification's, so a mail sent again
 * after a crash between sending and recording is recognised as the same message. A batch goes over one connection.
 *
 * <p>Whether the recipient may still have it is asked of the staff directory just before sending: a person whose
 * role was revoked since the notification was raised gets no mail, and the notification records why it was withdrawn.
 * While the directory is still being read at start-up nothing is sent (nor withdrawn); the next scan tries again.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;
    /**
     * Batches whose mails are read with one query: one round trip and one sort of the due mails for 500. (Before the
     * {@code mail_due} index was created ({@code StoreIndexes}), that query read every notification ever raised, and a
     * board's backlog of 33,000 mails among 58,000 notifications went out at 12–25 a second when it was read 50 at a time.) A
     * claim stays conditional on the mail's next attempt as read, so a mail another instance took meanwhile is passed over.
     */
    static final int BATCHES_PER_READ = 10;
    /** A scan's bound, so that one scan ends even if a store kept answering the same mails as due. */
    static final int MOST_PER_SCAN = 10_000;

    private final Notifications notifications;
    private final Recipients recipients;
    private final JavaMailSender mailSender;
    private final NotificationProperties.Mail settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public MailDispatcher(Notifications notifications, Recipients recipients, JavaMailSender mailSender, NotificationProperties properties,
                          Clock clock, MeterRegistry meters) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.mailSender = mailSender;
        this.settings = properties.mail();
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${meldspoor.notifications.scan-interval:30s}", initialDelayString = "${meldspoor.notifications.scan-interval:30s}")
    public void deliverDue() {
        if (!recipients.isLoaded()) {
            log.info("Mail waits: the staff directory is still being read");
            return;
        }
        // batch after batch until none is due: a backlog (a board loaded with years of history, an SMTP outage) drains
        // in one scan, not at one batch per scan interval. Every mail taken leaves the due ones (sent, withdrawn, failed
        // with a later attempt, or claimed by this or another instance until later), so the loop ends. Each batch claims
        // from its own moment: a claim taken from the start of a long scan could have lapsed before it was used.
        int taken = 0;
        List<Notification> due;
        do {
            due = notifications.mailDue(clock.instant(), BATCH * BATCHES_PER_READ);
            for (int from = 0; from < due.size(); from += BATCH) {
                Instant now = clock.instant();
                List<Notification> claimed = new ArrayList<>();
                for (Notification notification : due.subList(from, Math.min(due.size(), from + BATCH))) {
                    if (notifications.claim(notification, now.plus(settings.claim())) && mayStillHaveIt(notification)) {
                        claimed.add(notification);
                    }
                }
                deliver(claimed, now);
            }
            taken += due.size();
        } while (due.size() == BATCH * BATCHES_PER_READ && taken < MOST_PER_SCAN);
    }

    private boolean mayStillHaveIt(Notification notification) {
        Optional<String> refused = recipients.refusal(notification.type(), notification.schoolId(), notification.recipientId());
        if (refused.isEmpty()) {
            return true;
        }
        notifications.withdrawn(notification, clock.instant(), refused.get());
        count("meldspoor.notifications.withdrawn", notification);
        log.info("Mail for notification {} ({}) withdrawn: {} no longer holds a role that receives it", notification.id(),
                notification.type(), notification.recipientId());
        return false;
    }

    /**
     * Sends a batch over one connection to the SMTP server — a connection per mail cost ~45 ms a mail against the local
     * server, one per batch ~1.5 ms — and records each mail as sent or failed: a mail the server refused, or every mail
     * not yet sent when the connection failed, is tried again later.
     */
    private void deliver(List<Notification> batch, Instant now) {
        Map<MimeMessage, Notification> messages = new LinkedHashMap<>();
        for (Notification notification : batch) {
            try {
                messages.put(message(notification), notification);
            } catch (MessagingException unwritable) {
                failed(notification, now, unwritable.getMessage());
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        Map<Object, Exception> refused = Map.of();
        try {
            mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailException notAllSent) {
            // without the list of the mails that failed none counts as sent: sending one again is harmless (the same
            // Message-ID), losing one is not
            refused = notAllSent instanceof MailSendException some && !some.getFailedMessages().isEmpty()
                    ? some.getFailedMessages() : everyOne(messages.keySet(), notAllSent);
        }
        Instant at = clock.instant();
        for (Map.Entry<MimeMessage, Notification> mail : messages.entrySet()) {
            Exception failure = refused.get(mail.getKey());
            if (failure == null) {
                notifications.sent(mail.getValue(), at);
                count("meldspoor.notifications.sent", mail.getValue());
                log.info("Mail for notification {} ({}) sent", mail.getValue().id(), mail.getValue().type());
            } else {
                failed(mail.getValue(), now, failure.getMessage());
            }
        }
    }

    private static Map<Object, Exception> everyOne(Iterable<MimeMessage> messages, Exception failure) {
        Map<Object, Exception> all = new HashMap<>();
        messages.forEach(message -> all.put(message, failure));
        return all;
    }

    private void failed(Notification notification, Instant now, String why) {
        Instant next = now.plus(backOff(notification.mail().attempts().size()));
        notifications.failed(notification, clock.instant(), why, next);
        count("meldspoor.notifications.failed", notification);
        log.warn("Mail for notification {} not sent ({}); next attempt at {}", notification.id(), why, next);
    }

    /** 1, 2, 4, … times the first wait, at most the maximum. */
    Duration backOff(int failuresSoFar) {
        Duration wait = settings.firstRetry();
        for (int i = 0; i < failuresSoFar && wait.compareTo(settings.maximumRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maximumRetry()) > 0 ? settings.maximumRetry() : wait;
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(notification.mail().address());
        helper.setSubject(notification.subject());
        helper.setText(notification.body());
        message.setHeader("Message-ID", "<" + notification.id() + "@meldspoor>");
        return message;
    }

    private void count(String name, Notification notification) {
        Counter.builder(name).tag("type", notification.type().name()).register(meters).increment();
    }
}
