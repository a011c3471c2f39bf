package nl.meldspoor.casework.views;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import nl.meldspoor.platform.consuming.ReplayableConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the board's access log and keeps, per case, who looked at it — also through the
 * reporting-service — so the case's timeline shows it. A read delivered again is stored once.
 */
@Component
public class CaseViews implements ReplayableConsumer {

    static final String NAME = "case-views";

    private final JdbcTemplate jdbc;
    private final PublishedEvents events;

    CaseViews(JdbcTemplate jdbc, PublishedEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @KafkaListener(id = NAME, groupId = "case-service." + NAME, topics = Topics.ACCESS_LOG, containerFactory = "caseViewsContainerFactory")
    public void on(ConsumerRecord<String, byte[]> record) {
        PublishedEvent event = events.read(record);
        if (event.payload() instanceof RecordViewed viewed && viewed.kind().isAboutACase()) {
            jdbc.update("""
                    INSERT INTO case_view (access_id, case_id, person_id, role, kind, purpose, viewed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (access_id) DO NOTHING""",
                    viewed.accessId(), viewed.recordId(), viewed.actor().personId(), viewed.actor().role().name(), viewed.kind().name(),
                    viewed.purpose() == null ? null : viewed.purpose().name(), Timestamp.from(viewed.occurredAt()));
        }
    }

    @Override
    public String consumerName() {
        return NAME;
    }

    /** A dead letter an administrator replays is applied exactly as if it had come from the topic. */
    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        on(record);
    }

    /**
     * One page of who looked at the case, newest first; with {@code asOf}, only the reads until that moment.
     * Every read adds a row and a case may be read for years, so nobody gets them all at once.
     */
    public CaseViewPage page(String caseId, Instant asOf, int page, int size) {
        Timestamp until = until(asOf);
        List<CaseView> entries = jdbc.query("""
                        SELECT person_id, role, kind, purpose, viewed_at FROM case_view
                        WHERE case_id = ? AND viewed_at <= ? ORDER BY viewed_at DESC, access_id LIMIT ? OFFSET ?""",
                (row, number) -> {
                    RecordKind kind = RecordKind.valueOf(row.getString("kind"));
                    AccessPurpose purpose = AccessPurpose.read(row.getString("purpose"));
                    return new CaseView(row.getString("person_id"), Role.valueOf(row.getString("role")), kind, kind.label(),
                            purpose, purpose == null ? null : purpose.label(), row.getTimestamp("viewed_at").toInstant());
                },
                caseId, until, size, (long) page * size);
        long total = entries.size() < size && (page == 0 || !entries.isEmpty())
                ? (long) page * size + entries.size()
                : counted(caseId, asOf);
        return new CaseViewPage(entries, page, size, total);
    }

    /**
     * The reads of the case until {@code asOf}; all of them as the database counts them on insert (V104), so a
     * timeline does not count the case's rows again, and only a count as of a moment counts them.
     */
    private long counted(String caseId, Instant asOf) {
        if (asOf != null) {
            return jdbc.queryForObject("SELECT count(*) FROM case_view WHERE case_id = ? AND viewed_at <= ?", Long.class, caseId, until(asOf));
        }
        List<Long> views = jdbc.queryForList("SELECT views FROM case_view_count WHERE case_id = ?", Long.class, caseId);
        return views.isEmpty() ? 0 : views.get(0);
    }

    private static Timestamp until(Instant asOf) {
        return Timestamp.from(asOf == null ? Instant.parse("9999-12-31T00:00:00Z") : asOf);
    }
}
