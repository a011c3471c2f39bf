package nl.meldspoor.notifications.notification;

import java.time.Instant;
import java.util.List;

/**
 * The e-mail of one notification and every attempt to deliver it.
 *
 * @param nextAttemptAt   when the next attempt may start (also set while an attempt is under way, as a claim)
 * @param withdrawnAt     when it was {@link MailStatus#WITHDRAWN withdrawn} instead of sent; null otherwise
 * @param withdrawnReason why, in Dutch
 */
public record MailDelivery(String address, MailStatus status, Instant nextAttemptAt, Instant sentAt, List<Attempt> attempts,
                           Instant withdrawnAt, String withdrawnReason) {

    /** @param error why it failed; null when it succeeded */
    public record Attempt(Instant at, boolean succeeded, String error) {
    }

    public MailDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    static MailDelivery to(String address, Instant now) {
        return address == null
                ? new MailDelivery(null, MailStatus.NO_ADDRESS, null, null, List.of(), null, null)
                : new MailDelivery(address, MailStatus.PENDING, now, null, List.of(), null, null);
    }
}
