package nl.meldspoor.platform.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.meldspoor.platform.transaction.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-record keys in the write service's own database (table {@code personal_data_key}). A key is
 * created with the record's first free text, in the transaction that stores the event; erasure deletes
 * the secret and keeps the row, so that a text can be told erased rather than lost. Keys are
 * cached briefly: another replica's erasure is seen within {@link #CACHED_FOR}.
 */
public class PersonalDataKeys {

    public static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final KeyWrapping wrapping;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    /** What this instance binds its keys of the current transaction under. */
    private final Object transactionResource = new Object();

    public PersonalDataKeys(JdbcTemplate jdbc, KeyWrapping wrapping, Clock clock) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.clock = clock;
    }

    /**
     * The record's live key, created if it has none (yet, or since its erasure): one look-up by the live-key index for
     * a record that has a key, and one insert that returns the new key for a record that has none.
     */
    public PersonalDataKey keyOf(ProtectedRecord record) {
        Map<ProtectedRecord, PersonalDataKey> ofThisTransaction = keysOfThisTransaction();
        if (ofThisTransaction == null) {
            return liveOrNewKeyOf(record);
        }
        PersonalDataKey key = ofThisTransaction.get(record);
        if (key == null) {
            key = liveOrNewKeyOf(record);
            ofThisTransaction.put(record, key);
        }
        return key;
    }

    /**
     * The keys this transaction has read or made, so that a command's events (each serialized on its own) look their
     * record's key up and unwrap it once. Nothing outlives the transaction: the next one reads the table again, and so
     * sees another replica's erasure at once, as before.
     */
    private Map<ProtectedRecord, PersonalDataKey> keysOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return TransactionScoped.map(transactionResource);
    }

    private PersonalDataKey liveOrNewKeyOf(ProtectedRecord record) {
        return liveKeyOf(record).orElseGet(() -> {
            UUID newKeyId = UUID.randomUUID();
            byte[] secret = PersonalDataCipher.newKey();
            // A concurrent writer may create the record's key first: then nothing is inserted and that one is used.
            List<UUID> inserted = jdbc.queryForList("""
                    INSERT INTO personal_data_key (key_id, record_type, record_id, school_id, secret, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (record_type, record_id, school_id) WHERE secret IS NOT NULL DO NOTHING
                    RETURNING key_id""", UUID.class,
                    newKeyId, record.type().name(), record.recordId(), record.schoolId(), wrapping.wrap(newKeyId, secret),
                    Timestamp.from(clock.instant()));
            return inserted.isEmpty() ? liveKeyOf(record).orElseThrow() : new PersonalDataKey(newKeyId, secret);
        });
    }

    /**
     * A new key for a record that has none and has only this writer while it is written (a loader creating its own
     * records under fresh ids): no look-up, and the insert is a plain {@code update}, so a batching {@link JdbcTemplate}
     * may send it with the transaction's other rows. Should the record have a live key after all, the unique live-key
     * index fails the insert, and with it the transaction — no text is left sealed under a key that was not stored.
     */
    public PersonalDataKey newKeyOf(ProtectedRecord record) {
        UUID keyId = UUID.randomUUID();
        byte[] secret = PersonalDataCipher.newKey();
        jdbc.update("INSERT INTO personal_data_key (key_id, record_type, record_id, school_id, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                keyId, record.type().name(), record.recordId(), record.schoolId(), wrapping.wrap(keyId, secret), Timestamp.from(clock.instant()));
        return new PersonalDataKey(keyId, secret);
    }

    private Optional<PersonalDataKey> liveKeyOf(ProtectedRecord record) {
        return jdbc.query("SELECT key_id, secret FROM personal_data_key WHERE record_type = ? AND record_id = ? AND school_id = ? AND secret IS NOT NULL",
                this::key, record.type().name(), record.recordId(), record.schoolId()).stream().findFirst();
    }

    /** The key by its id; empty when it was erased or never existed here. */
    public Optional<PersonalDataKey> byId(UUID keyId) {
        Instant now = clock.instant();
        Cached cached = cache.get(keyId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.key();
        }
        List<PersonalDataKey> found = jdbc.query("SELECT key_id, secret FROM personal_data_key WHERE key_id = ?",
                this::key,
                keyId);
        Optional<PersonalDataKey> key = found.stream().filter(k -> k.secret() != null).findFirst();
        cache.put(keyId, new Cached(key, now.plus(CACHED_FOR)));
        return key;
    }

    /** The record a key belongs to, also after erasure. */
    public Optional<ProtectedRecord> recordOf(UUID keyId) {
        return jdbc.query("SELECT record_type, record_id, school_id FROM personal_data_key WHERE key_id = ?",
                (row, n) -> new ProtectedRecord(ProtectedRecord.RecordType.valueOf(row.getString("record_type")), row.getString("record_id"),
                        row.getString("school_id")),
                keyId).stream().findFirst();
    }

    /** Deletes the record's secret: every text sealed with it is unreadable from now on, everywhere. */
    public boolean erase(ProtectedRecord record, Instant erasedAt) {
        List<UUID> keyIds = jdbc.queryForList("SELECT key_id FROM personal_data_key WHERE record_type = ? AND record_id = ? AND school_id = ? AND secret IS NOT NULL",
                UUID.class, record.type().name(), record.recordId(), record.schoolId());
        int erased = jdbc.update("""
                UPDATE personal_data_key SET secret = NULL, erased_at = ?
                WHERE record_type = ? AND record_id = ? AND school_id = ? AND secret IS NOT NULL""",
                Timestamp.from(erasedAt), record.type().name(), record.recordId(), record.schoolId());
        keyIds.forEach(cache::remove);
        Map<ProtectedRecord, PersonalDataKey> ofThisTransaction = keysOfThisTransaction();
        if (ofThisTransaction != null) {
            // text sealed later in this transaction gets the record's new key, not the one just erased
            ofThisTransaction.remove(record);
        }
        return erased > 0;
    }

    /** Starts (or, with {@code null}, stops) the retention period of the record's live key. */
    public void retainFrom(ProtectedRecord record, Instant start) {
        jdbc.update("UPDATE personal_data_key SET retention_from = ? WHERE record_type = ? AND record_id = ? AND school_id = ? AND secret IS NOT NULL",
                start == null ? null : Timestamp.from(start), record.type().name(), record.recordId(), record.schoolId());
    }

    /** Records of the type with a live key whose retention period started at or before {@code startedBy}. */
    public List<ProtectedRecord> retainedSince(ProtectedRecord.RecordType type, Instant startedBy) {
        return jdbc.query("""
                        SELECT record_id, school_id FROM personal_data_key
                        WHERE record_type = ? AND secret IS NOT NULL AND retention_from IS NOT NULL AND retention_from <= ?
                        ORDER BY retention_from""",
                (row, n) -> new ProtectedRecord(type, row.getString("record_id"), row.getString("school_id")),
                type.name(), Timestamp.from(startedBy));
    }

    private PersonalDataKey key(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        UUID keyId = row.getObject("key_id", UUID.class);
        byte[] stored = row.getBytes("secret");
        return new PersonalDataKey(keyId, stored == null ? null : wrapping.unwrap(keyId, stored));
    }

    private record Cached(Optional<PersonalDataKey> key, Instant until) {
    }
}
