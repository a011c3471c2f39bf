package nl.meldspoor.platform.web;

/** The request does not say who acts. */
public class UnknownActorException extends RuntimeException {

    public UnknownActorException(String message) {
        super(message);
    }
}
