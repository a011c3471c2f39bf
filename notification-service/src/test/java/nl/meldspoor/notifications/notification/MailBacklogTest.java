package nl.meldspoor.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.notifications.FakeStaffDirectory;
import nl.meldspoor.notifications.InMemoryMongo;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.notifications.alert.Alert;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.notifications.organisation.Recipients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A backlog of mail (a board loaded with years of history, an SMTP server that was down for a day) goes out in one scan,
 * not at one batch per scan interval; every mail once, and a scan still ends when the server refuses them all.
 */
class MailBacklogTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:15:00Z");
    private static final int ALERTS = 80;

    private final InMemoryMongo store = new InMemoryMongo();
    private final MongoTemplate mongo = store.template();
    private final FakeStaffDirectory directory = TestOrganisation.directory();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Recipients recipients = TestOrganisation.recipients(directory, clock);
    private final Notifications notifications;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private boolean serverDown;
    /** Sizes of the batches handed to the SMTP client, each sent over one connection. */
    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private final Set<String> refusedIds = new java.util.HashSet<>();

    MailBacklogTest() {
        notifications = new Notifications(mongo, TestOrganisation.staff(), recipients, clock, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private final JavaMailSenderImpl mailSender = new JavaMailSenderImpl() {
        @Override
        public void send(MimeMessage... messages) {
            if (serverDown) {
                throw new MailSendException("Connection refused");
            }
            batches.add(messages.length);
            Map<Object, Exception> refused = new LinkedHashMap<>();
            for (MimeMessage message : messages) {
                try {
                    if (refusedIds.contains(message.getMessageID())) {
                        refused.put(message, new jakarta.mail.SendFailedException("550 mailbox unavailable"));
                    } else {
                        sent.add(message.getMessageID());
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!refused.isEmpty()) {
                throw new MailSendException(refused);
            }
        }
    };

    private MailDispatcher dispatcher() {
        return dispatcher(notifications);
    }

    private MailDispatcher dispatcher(Notifications notifications) {
        return new MailDispatcher(notifications, recipients, mailSender, new NotificationProperties(null, null, null, null, null, null, null,
                null, null, null), clock, new SimpleMeterRegistry());
    }

    /** The mails due: the notifications of the recipients with an e-mail address. */
    private int raiseBacklog() {
        for (int i = 0; i < ALERTS; i++) {
            notifications.raise(new Alert(NotificationType.URGENT_SIGNAL, "event:e-" + i, "school-a", "signal-s-" + i,
                    recipients.of(NotificationType.URGENT_SIGNAL, "school-a"), "Urgent signaal", "Neem nu contact op")
                    .once("urgent-signal:school-a:s-" + i));
        }
        return (int) withStatus(MailStatus.PENDING);
    }

    private long withStatus(MailStatus status) {
        return mongo.findAll(Notification.class).stream().filter(n -> n.mail().status() == status).count();
    }

    @Test
    void aBacklogOfManyBatchesIsSentInOneScanEveryMailOnce() {
        int raised = raiseBacklog();
        assertThat(raised).as("a few batches of 50").isGreaterThan(150);

        dispatcher().deliverDue();

        assertThat(sent).hasSize(raised).doesNotHaveDuplicates();
        assertThat(withStatus(MailStatus.SENT)).isEqualTo(raised);
        assertThat(batches).as("one connection per batch of 50").hasSize((raised + 49) / 50).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(50));
        dispatcher().deliverDue();
        assertThat(sent).as("nothing sent twice by the next scan").hasSize(raised);
    }

    @Test
    void theDueMailsAreReadTenBatchesAtATime() {
        int raised = raiseBacklog();
        AtomicInteger reads = new AtomicInteger();
        Notifications counting = new Notifications(mongo, TestOrganisation.staff(), recipients, clock, new SimpleMeterRegistry()) {
            @Override
            List<Notification> mailDue(Instant now, int limit) {
                reads.incrementAndGet();
                return super.mailDue(now, limit);
            }
        };

        dispatcher(counting).deliverDue();

        assertThat(sent).hasSize(raised).doesNotHaveDuplicates();
        assertThat(batches).as("still a connection per batch of 50").hasSize((raised + 49) / 50);
        assertThat(reads).as("one query for up to ten batches (the local system's store scans every notification for it)")
                .hasValue(raised / (50 * MailDispatcher.BATCHES_PER_READ) + 1);
    }

    @Test
    void aScanEndsWhenTheServerRefusesEveryMailAndTheNextAttemptsComeLater() {
        int raised = raiseBacklog();
        serverDown = true;

        dispatcher().deliverDue();

        assertThat(sent).isEmpty();
        List<Notification> mailed = mongo.findAll(Notification.class).stream().filter(n -> n.mail().address() != null).toList();
        assertThat(mailed).hasSize(raised).allSatisfy(notification -> {
            assertThat(notification.mail().status()).isEqualTo(MailStatus.PENDING);
            assertThat(notification.mail().attempts()).as("one attempt each in the scan").hasSize(1);
            assertThat(notification.mail().nextAttemptAt()).isAfter(NOW);
        });
    }

    @Test
    void aMailTheServerRefusesIsTriedAgainLaterAndTheOthersOfItsBatchAreSent() {
        int raised = raiseBacklog();
        List<Notification> pending = mongo.findAll(Notification.class).stream().filter(n -> n.mail().status() == MailStatus.PENDING).toList();
        for (int i = 0; i < pending.size(); i += 7) {
            refusedIds.add("<" + pending.get(i).id() + "@meldspoor>");
        }

        dispatcher().deliverDue();

        assertThat(sent).hasSize(raised - refusedIds.size()).doesNotContainAnyElementsOf(refusedIds);
        assertThat(mongo.findAll(Notification.class)).filteredOn(n -> refusedIds.contains("<" + n.id() + "@meldspoor>"))
                .hasSize(refusedIds.size()).allSatisfy(notification -> {
                    assertThat(notification.mail().status()).isEqualTo(MailStatus.PENDING);
                    assertThat(notification.mail().attempts()).singleElement().satisfies(attempt -> {
                        assertThat(attempt.succeeded()).isFalse();
                        assertThat(attempt.error()).contains("550");
                    });
                    assertThat(notification.mail().nextAttemptAt()).isAfter(NOW);
                });
        assertThat(withStatus(MailStatus.SENT)).isEqualTo(raised - refusedIds.size());
    }

    @Test
    void aLongScanClaimsEveryMailUntilAfterTheMomentItIsSent() {
        int raised = raiseBacklog();
        // a slow SMTP server: every look at the clock is a second later, so the scan takes minutes
        Clock slow = new Clock() {
            private final java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusSeconds(seconds.incrementAndGet());
            }
        };
        List<Instant[]> claims = new CopyOnWriteArrayList<>();
        Notifications recording = new Notifications(mongo, TestOrganisation.staff(), recipients, slow, new SimpleMeterRegistry()) {
            @Override
            boolean claim(Notification notification, Instant until) {
                claims.add(new Instant[]{slow.instant(), until});
                return super.claim(notification, until);
            }
        };
        new MailDispatcher(recording, recipients, mailSender, new NotificationProperties(null, null, null, null, null, null, null, null, null,
                null), slow, new SimpleMeterRegistry()).deliverDue();

        assertThat(sent).hasSize(raised);
        assertThat(claims).hasSize(raised).allSatisfy(claim -> assertThat(claim[1]).as("claimed at %s", claim[0]).isAfter(claim[0]));
    }
}
