package nl.meldspoor.platform.privacy;

import java.time.Instant;
import java.time.Period;
import java.util.Optional;

/** The command that asks a record's aggregate to erase its text; each write service knows its own records. */
@FunctionalInterface
public interface ErasureCommands {

    /** @return the command, or empty when the record is not this service's */
    Optional<Object> erase(ProtectedRecord record, Period retention, Instant now);
}
