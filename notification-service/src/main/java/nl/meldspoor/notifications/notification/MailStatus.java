package nl.meldspoor.notifications.notification;

/** Where a notification's e-mail stands. */
public enum MailStatus {
    /** Not sent yet, or the last attempt failed: tried again at {@code nextAttemptAt}. */
    PENDING,
    SENT,
    /** The recipient has no e-mail address configured: the notification is in the inbox only. */
    NO_ADDRESS,
    /**
     * Not sent, and never will be: when it was to be sent the recipient no longer held a role that receives it (the
     * role was revoked or ended after the notification was raised); the reason is recorded with it.
     */
    WITHDRAWN
}
