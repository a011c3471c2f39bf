package nl.meldspoor.platform.privacy;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the board keeps the free text of each kind of record (its privacy regulation decides), and
 * how often the write service looks for text whose retention period has passed.
 *
 * @param pupilFile    after a school's last entry in a pupil's file of signals
 * @param meldcodeCase after a meldcode case was closed
 * @param incident     after an incident was closed
 */
@ConfigurationProperties("meldspoor.retention")
public record RetentionProperties(Period pupilFile, Period meldcodeCase, Period incident, Duration scanInterval) {

    public RetentionProperties {
        pupilFile = pupilFile == null ? Period.ofYears(2) : pupilFile;
        meldcodeCase = meldcodeCase == null ? Period.ofYears(5) : meldcodeCase;
        incident = incident == null ? Period.ofYears(2) : incident;
        scanInterval = scanInterval == null ? Duration.ofHours(1) : scanInterval;
    }

    public Period of(ProtectedRecord.RecordType type) {
        return switch (type) {
            case PUPIL_FILE -> pupilFile;
            case MELDCODE_CASE -> meldcodeCase;
            case INCIDENT -> incident;
        };
    }
}
