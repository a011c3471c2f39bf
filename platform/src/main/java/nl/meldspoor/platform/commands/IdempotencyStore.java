package nl.meldspoor.platform.commands;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Responses of commands sent with an Idempotency-Key, kept in the service's own database. */
class IdempotencyStore {

    record StoredResponse(String fingerprint, int status, String body, String location) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredResponse> find(String key) {
        return jdbc.query("SELECT request_fingerprint, response_status, response_body, location FROM idempotency_record WHERE idempotency_key = ?",
                (row, n) -> new StoredResponse(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)), key)
                .stream().findFirst();
    }

    /** Inserts within the caller's transaction; a concurrent insert of the same key fails on the primary key. */
    void save(String key, StoredResponse response) {
        jdbc.update("INSERT INTO idempotency_record (idempotency_key, request_fingerprint, response_status, response_body, location) VALUES (?, ?, ?, ?, ?)",
                key, response.fingerprint(), response.status(), response.body(), response.location());
    }
}
