package nl.meldspoor.notifications.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the notification-service keeps of one meldcode case: its own view of the case ({@link CaseFile}, folded up to
 * {@code appliedSequence}, so that the reminders are derived again from it and the one new event), the reminders it is
 * waiting to give and the ones it gave. A reminder given is never given again; an event at or below
 * {@code appliedSequence} changes nothing. The document does not grow with the case's events.
 *
 * <p>Watches stored by an earlier version kept the case's events themselves ({@code events}) and derived the view from
 * them at every event; the first event after the upgrade folds them into the view once and drops them, so no replay is
 * needed and the same reminders follow.
 */
@Document(CaseWatch.COLLECTION)
public class CaseWatch {

    public static final String COLLECTION = "case_watches";

    @Id
    private String caseId;
    @Version
    private Long version;
    private String schoolId;
    private long appliedSequence = -1;
    private long eventsFolded;
    private CaseFile file;
    /** Only in a watch stored by an earlier version, until its next event: the events its view is folded from. */
    private List<StoredEvent> events = new ArrayList<>();
    private List<Reminder> pending = new ArrayList<>();
    private Set<String> given = new LinkedHashSet<>();
    @Indexed
    private Instant nextDueAt;
    /** Until when one replica's reminder scan holds this watch (see {@link CaseWatches#claimDue}); null when none does. */
    private Instant scanClaimedUntil;

    protected CaseWatch() {
    }

    static CaseWatch start(String caseId) {
        CaseWatch watch = new CaseWatch();
        watch.caseId = caseId;
        return watch;
    }

    boolean alreadyApplied(long sequence) {
        return sequence <= appliedSequence;
    }

    /** The case's view folded up to this sequence number; the events an earlier version kept are no longer needed. */
    void folded(CaseFile file, long sequence) {
        if (this.file == null) {
            eventsFolded = storedEvents().size();
        }
        this.file = file;
        this.events = new ArrayList<>();
        appliedSequence = sequence;
        eventsFolded++;
    }

    /** The stored view; null in a new watch and in one stored by an earlier version ({@link #storedEvents()}). */
    CaseFile file() {
        return file;
    }

    /** The events a watch stored by an earlier version kept; empty once its view is stored. */
    List<StoredEvent> storedEvents() {
        return events == null ? List.of() : events;
    }

    /** The reminders the case now waits for; those already given stay given. */
    void await(String schoolId, List<Reminder> reminders) {
        this.schoolId = schoolId;
        this.pending = new ArrayList<>(reminders.stream().filter(reminder -> !given.contains(reminder.key())).toList());
        nextDueAt = pending.stream().map(Reminder::dueAt).min(Comparator.naturalOrder()).orElse(null);
    }

    List<Reminder> dueAt(Instant now) {
        return pending.stream().filter(reminder -> !reminder.dueAt().isAfter(now)).toList();
    }

    void given(Reminder reminder) {
        given.add(reminder.key());
        await(schoolId, pending);
    }

    /** The scan that claimed it is done with it: the next one due may be taken by any replica at once. */
    void released() {
        scanClaimedUntil = null;
    }

    public String caseId() {
        return caseId;
    }

    /** The stored version this watch was read at; null for one not stored yet. */
    Long version() {
        return version;
    }

    public String schoolId() {
        return schoolId;
    }

    /** The sequence number of the last event folded into the view; -1 before the first. */
    public long appliedSequence() {
        return appliedSequence;
    }

    /** How many events were folded into the view: one more than {@link #appliedSequence()} when none was lost. */
    public long eventsFolded() {
        return eventsFolded;
    }

    public List<Reminder> pending() {
        return List.copyOf(pending);
    }

    public Set<String> given() {
        return Set.copyOf(given);
    }

    public Instant nextDueAt() {
        return nextDueAt;
    }

    public Instant scanClaimedUntil() {
        return scanClaimedUntil;
    }
}
