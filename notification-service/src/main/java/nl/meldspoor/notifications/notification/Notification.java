package nl.meldspoor.notifications.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import nl.meldspoor.notifications.alert.NotificationType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one person: in their inbox (read or unread) and, when they have an address, by e-mail.
 * Its id is derived from what it is about and who it is for, so the same event or reminder can never
 * notify the same person twice, however often it is delivered or replayed.
 *
 * @param late the alert came later than "at once" (its event was recorded longer ago than the alert horizon, e.g.
 *             after an outage); the text says so. Absent in notifications stored before the flag existed: false.
 */
@Document(Notification.COLLECTION)
@CompoundIndex(name = "recipient_created", def = "{'recipientId': 1, 'createdAt': -1}")
@CompoundIndex(name = "mail_due", def = "{'mail.status': 1, 'mail.nextAttemptAt': 1}")
public record Notification(
        @Id String id,
        NotificationType type,
        String sourceKey,
        String recipientId,
        String schoolId,
        String reference,
        String subject,
        String body,
        Instant createdAt,
        Instant readAt,
        MailDelivery mail,
        boolean late) {

    public static final String COLLECTION = "notifications";

    public static String idOf(String sourceKey, String recipientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((sourceKey + "\n" + recipientId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean read() {
        return readAt != null;
    }
}
