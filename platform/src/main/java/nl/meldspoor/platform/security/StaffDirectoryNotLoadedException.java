package nl.meldspoor.platform.security;

/** The staff directory is still being read at start-up, so nobody can be authorised yet. */
public class StaffDirectoryNotLoadedException extends RuntimeException {

    public StaffDirectoryNotLoadedException() {
        super("Het personeelsbestand wordt nog geladen. Probeer het over enkele seconden opnieuw.");
    }
}
