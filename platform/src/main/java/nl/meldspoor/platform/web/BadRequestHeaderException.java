package nl.meldspoor.platform.web;

/** A request header has a value that cannot be used. */
public class BadRequestHeaderException extends RuntimeException {

    private final String header;

    public BadRequestHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
