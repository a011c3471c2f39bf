package nl.meldspoor.platform.consuming;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replayed dead letters of a service that keeps its state in PostgreSQL (table {@code replayed_dead_letter}). */
class JdbcReplayedDeadLetters implements ReplayedDeadLetters {

    private final JdbcTemplate jdbc;

    JdbcReplayedDeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static ReplayedDeadLetters in(org.springframework.context.ApplicationContext context) {
        JdbcTemplate jdbc = context.getBeanProvider(JdbcTemplate.class).getIfAvailable();
        return jdbc == null ? null : new JdbcReplayedDeadLetters(jdbc);
    }

    @Override
    public boolean claim(String deadLetterTopic, int partition, long offset, Replay replay) {
        return jdbc.update("""
                        INSERT INTO replayed_dead_letter (dead_letter_topic, dead_letter_partition, dead_letter_offset, consumer, replayed_by, replayed_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                deadLetterTopic, partition, offset, replay.consumer(), replay.replayedBy(), Timestamp.from(replay.replayedAt())) == 1;
    }

    @Override
    public void release(String deadLetterTopic, int partition, long offset) {
        jdbc.update("DELETE FROM replayed_dead_letter WHERE dead_letter_topic = ? AND dead_letter_partition = ? AND dead_letter_offset = ?",
                deadLetterTopic, partition, offset);
    }

    @Override
    public Optional<Replay> of(String deadLetterTopic, int partition, long offset) {
        return jdbc.query("""
                        SELECT consumer, replayed_by, replayed_at FROM replayed_dead_letter
                        WHERE dead_letter_topic = ? AND dead_letter_partition = ? AND dead_letter_offset = ?""",
                (row, n) -> new Replay(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                deadLetterTopic, partition, offset).stream().findFirst();
    }
}
