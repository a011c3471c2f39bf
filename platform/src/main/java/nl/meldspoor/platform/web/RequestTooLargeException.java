package nl.meldspoor.platform.web;

/** A request body that is larger than {@code meldspoor.web.max-request-body}; nothing of it is parsed or stored. */
public class RequestTooLargeException extends RuntimeException {

    private final long limitBytes;

    public RequestTooLargeException(long limitBytes) {
        super("Request body exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The Dutch explanation for the person whose request was refused. */
    public String detail() {
        return "Het verzoek is te groot: ten hoogste " + (limitBytes / 1024) + " kB is toegestaan. "
                + "Er is niets vastgelegd; kort de teksten in of verdeel ze over meer verzoeken.";
    }
}
