package nl.meldspoor.platform.web;

/** An Idempotency-Key was sent again with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
