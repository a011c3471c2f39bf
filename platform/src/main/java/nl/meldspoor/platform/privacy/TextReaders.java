package nl.meldspoor.platform.privacy;

import java.util.function.Predicate;
import nl.meldspoor.platform.security.Caller;

/**
 * Who may have the sealed text of a record opened: exactly whoever the record's own read endpoints show
 * it to — a write service implements this with the same permission its read endpoints call, never with a
 * rule of its own. The default is {@link PersonalDataReaders}: staff of the record's school in a role that
 * sees pupils.
 */
@FunctionalInterface
public interface TextReaders {

    /** Whether the caller may read any text of the record; decided once per record per opening request. */
    boolean mayRead(Caller caller, ProtectedRecord record);

    /**
     * Which texts of the record, once opened, the caller may read (asked only when {@link #mayRead} allowed the record). A record whose read shows each
     * reader only part of it (a pupil's file: a teacher reads the signals they recorded) narrows this to
     * the texts that part holds.
     */
    default Predicate<String> textsReadableBy(Caller caller, ProtectedRecord record) {
        return plainText -> true;
    }
}
