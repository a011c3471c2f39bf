package nl.meldspoor.platform.commands;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Responses of commands sent with an Idempotency-Key, kept in the service's own database per person
 * (the key of one person never answers another's request) and only for the retention period: an older
 * key counts as never used. Times are the database's own, so that a drifting service clock cannot make
 * a key live longer or shorter.
 */
class IdempotencyStore {

    record StoredResponse(String fingerprint, int status, String body, String location) {
    }

    private final JdbcTemplate jdbc;
    private final Duration retention;

    IdempotencyStore(JdbcTemplate jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    Optional<StoredResponse> find(String personId, String key) {
        return jdbc.query("SELECT request_fingerprint, response_status, response_body, location FROM idempotency_record "
                        + "WHERE person_id = ? AND idempotency_key = ? AND created_at >= now() - ? * interval '1 millisecond'",
                (row, n) -> new StoredResponse(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)),
                personId, key, retention.toMillis())
                .stream().findFirst();
    }

    /**
     * Inserts within the caller's transaction, after removing this person's expired use of the key (not yet
     * cleaned up); a concurrent insert of the same live key fails on the primary key.
     */
    void save(String personId, String key, StoredResponse response) {
        jdbc.update("DELETE FROM idempotency_record WHERE person_id = ? AND idempotency_key = ? "
                + "AND created_at < now() - ? * interval '1 millisecond'", personId, key, retention.toMillis());
        jdbc.update("INSERT INTO idempotency_record (person_id, idempotency_key, request_fingerprint, response_status, response_body, location) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                personId, key, response.fingerprint(), response.status(), response.body(), response.location());
    }

    /** Deletes up to {@code batchSize} expired keys in its own short transaction; returns how many. */
    int deleteExpired(int batchSize) {
        return jdbc.update("DELETE FROM idempotency_record WHERE ctid IN (SELECT ctid FROM idempotency_record "
                + "WHERE created_at < now() - ? * interval '1 millisecond' LIMIT ?)", retention.toMillis(), batchSize);
    }
}
