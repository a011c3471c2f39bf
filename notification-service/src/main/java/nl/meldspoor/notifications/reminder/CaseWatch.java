package nl.meldspoor.notifications.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the notification-service keeps of one meldcode case: its events as published (so the reminders can be
 * derived again from the whole history), the reminders it is waiting to give and the ones it gave. A
 * reminder given is never given again; an event at or below {@code appliedSequence} changes nothing.
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

    void append(StoredEvent event) {
        events.add(event);
        appliedSequence = event.sequence();
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

    public String schoolId() {
        return schoolId;
    }

    public List<StoredEvent> events() {
        return events;
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
