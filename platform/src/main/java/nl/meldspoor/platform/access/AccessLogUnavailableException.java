package nl.meldspoor.platform.access;

/** The access log could not record a read, so the read is refused. */
public class AccessLogUnavailableException extends RuntimeException {

    public AccessLogUnavailableException(Throwable cause) {
        super("Het inzien kan nu niet worden vastgelegd in het toegangslogboek; daarom worden de gegevens niet getoond. Probeer het over enkele ogenblikken opnieuw.", cause);
    }
}
