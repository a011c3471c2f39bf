package nl.meldspoor.reporting.accesslog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of one record: who, in which role, what, when and why. Written once, never changed.
 *
 * @param purpose       a code of {@link AccessPurpose}, or {@code null} when none was given
 * @param chainDay      the school day (Europe/Amsterdam) of {@code at}: each school's entries of a day form one hash chain
 * @param chainSequence this entry's place in that chain, from 0, in the order the log received the entries
 * @param chainHash     hex SHA-256 of the previous entry's hash and this entry as stored ({@link AccessLogChain});
 *                      {@code null} for entries stored before the chain existed, until the read model is rebuilt
 */
@Document(AccessEntry.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "school_time", def = "{'schoolId': 1, 'at': -1}"),
        @CompoundIndex(name = "record_time", def = "{'recordId': 1, 'at': -1}"),
        @CompoundIndex(name = "school_day_chain", def = "{'schoolId': 1, 'chainDay': 1, 'chainSequence': -1}")})
public record AccessEntry(@Id String accessId, String schoolId, String personId, Role role, RecordKind kind, String what, String recordId,
                          AccessPurpose purpose, Instant at, String chainDay, Long chainSequence, String chainHash) {

    static final String COLLECTION = "access_log";

    /** The purpose in Dutch words, for the reader of the log; derived, not stored. */
    @JsonProperty("why")
    public String why() {
        return purpose == null ? null : purpose.label();
    }
}
