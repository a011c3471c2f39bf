package nl.meldspoor.reporting.accesslog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last link of one school's chain of one day, found by its id alone (mongo-java-server serves no other
 * condition by an index: looking the last entry up in the log itself read the whole log for every read recorded).
 * Appending claims the next place by moving the head from the place it was read at, so two appliers of one
 * school-day cannot both take it. The head holds the entry it claimed the place for, so that whoever reads the
 * head next stores that entry if its applier stopped between claiming and storing: the stored chain has no gap.
 *
 * @param id       {@link #idOf school and day}
 * @param sequence the place of the day's last entry, from 0
 * @param entry    the day's last entry, chained ({@link AccessEntry#chainHash()} is the head's hash)
 */
@Document(AccessChainHead.COLLECTION)
record AccessChainHead(@Id String id, long sequence, AccessEntry entry) {

    static final String COLLECTION = "access_log_chain_heads";

    /** The day ({@code yyyy-MM-dd}) ends the id after the last {@code |}: one id per school and day, whatever the school id holds. */
    static String idOf(String schoolId, String day) {
        return schoolId + "|" + day;
    }
}
