package nl.meldspoor.reporting.accesslog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The per-day hash chain of a school's access log, so that an entry changed, removed or slipped in afterwards in
 * the stored log is found. Canonical form of an entry's hash:
 *
 * <pre>
 * hash(n) = SHA-256( hash(n-1) || int8(chainSequence) || field(accessId) || field(schoolId) || field(chainDay)
 *                    || field(personId) || field(role) || field(kind) || field(what) || field(recordId)
 *                    || field(purpose) || field(at as ISO-8601 instant, millisecond precision) )
 * hash(-1) = 32 zero bytes; field(x) = int4(-1) for null, else int4(UTF-8 length) || UTF-8 bytes; big-endian
 * </pre>
 *
 * The day's last link is kept in a head per school and day ({@link AccessChainHead}), read and moved by its id
 * alone: on mongo-java-server only an {@code _id} condition is served by an index, and the log grows with every
 * read. The access-log topic is keyed by school and one consumer applies it, but while partitions move between
 * replicas (or a dead letter is replayed) two appliers can append to one school-day: each moves the head only from
 * the place it read it at, and the one that lost reads the head again. A rebuild from offset 0 yields the same chain.
 * Logs stored before heads existed: the first append to such a school-day without a head reads the day's last
 * entry from the log once, then writes the head.
 */
@Component
public class AccessLogChain {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final byte[] GENESIS = new byte[32];
    /** The head collection's note of the last day with entries stored before heads existed; not a head (no {@code |}). */
    static final String HEADLESS_THROUGH = "headless-through";
    /** Appliers racing for one school-day take turns; this many lost races in a row is not a race but a fault. */
    private static final int ATTEMPTS = 100;
    /** Sorts after every day: every school-day may hold entries without a head. */
    private static final String EVERY_DAY = "9999-12-31";

    private final MongoTemplate mongo;
    private final Clock clock;
    /** The last day that may hold entries without a head; {@code null} when none can ({@link #prepareStorage()}). */
    private volatile String headlessThrough = EVERY_DAY;

    AccessLogChain(MongoTemplate mongo) {
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    /** What an auditor or principal learns about one school-day of the log. */
    public record DayVerification(String schoolId, LocalDate day, boolean valid, long entries, Long firstBrokenSequence,
                                  Instant checkedAt, String headHash) {
    }

    /**
     * Finds, once per store, the last day holding entries stored before heads existed (none in a new or rebuilt log),
     * and notes it beside the heads, so that a school-day after it without a head is known to have no entries yet.
     */
    void prepareStorage() {
        Document note = mongo.findById(HEADLESS_THROUGH, Document.class, AccessChainHead.COLLECTION);
        if (note == null) {
            AccessEntry last = mongo.findOne(Query.query(Criteria.where("chainSequence").ne(null))
                    .with(Sort.by(Sort.Direction.DESC, "chainDay")).limit(1), AccessEntry.class);
            mongo.upsert(Query.query(Criteria.where("_id").is(HEADLESS_THROUGH)),
                    new Update().setOnInsert("day", last == null ? null : last.chainDay()), AccessChainHead.COLLECTION);
            note = mongo.findById(HEADLESS_THROUGH, Document.class, AccessChainHead.COLLECTION);
        }
        headlessThrough = note == null ? EVERY_DAY : note.getString("day");
    }

    /**
     * Chains the entry after its school-day's last one and stores it; returns it as stored. An entry that claimed
     * its place already (its applier stopped before storing it, or another applier is storing it) keeps that place.
     */
    AccessEntry append(AccessEntry unchained) {
        String day = dayOf(unchained.at());
        String headId = AccessChainHead.idOf(unchained.schoolId(), day);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AccessChainHead head = mongo.findById(headId, AccessChainHead.class);
            if (head != null) {
                // the place the head claimed is filled before the next is taken: no gap, whoever stopped where
                storeOnce(head.entry());
                if (head.entry().accessId().equals(unchained.accessId())) {
                    return head.entry();
                }
            }
            // Stored since the read model looked (by another applier): it has its place. Stored after this look, it
            // was claimed after it too, which moved the head and fails this applier's claim below.
            AccessEntry stored = mongo.findById(unchained.accessId(), AccessEntry.class);
            if (stored != null) {
                return stored;
            }
            AccessEntry last = head != null ? head.entry() : lastStoredWithoutHead(unchained.schoolId(), day);
            long sequence = last == null ? 0 : last.chainSequence() + 1;
            byte[] previous = last == null ? GENESIS : HexFormat.of().parseHex(last.chainHash());
            AccessEntry chained = chained(unchained, day, sequence, HexFormat.of().formatHex(hash(previous, sequence, day, unchained)));
            if (claimed(headId, head, new AccessChainHead(headId, sequence, chained))) {
                storeOnce(chained);
                return chained;
            }
        }
        throw new IllegalStateException("The access-log chain of " + headId + " kept moving under " + ATTEMPTS + " attempts to append");
    }

    /** Moves the head from where it was read; false when another applier moved (or wrote) it meanwhile. */
    private boolean claimed(String headId, AccessChainHead read, AccessChainHead next) {
        if (read == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException anotherWroteIt) {
                return false;
            }
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(headId).and("sequence").is(read.sequence())),
                new Update().set("sequence", next.sequence()).set("entry", next.entry()), AccessChainHead.class).getMatchedCount() == 1;
    }

    /** The day's last entry in a log stored before heads existed; none, without reading the log, for a day after those. */
    private AccessEntry lastStoredWithoutHead(String schoolId, String day) {
        String through = headlessThrough;
        if (through == null || day.compareTo(through) > 0) {
            return null;
        }
        return mongo.findOne(Query.query(Criteria.where("schoolId").is(schoolId).and("chainDay").is(day)
                .and("chainSequence").ne(null)).with(Sort.by(Sort.Direction.DESC, "chainSequence")).limit(1), AccessEntry.class);
    }

    /** Inserts the entry unless one with its id is stored: a stored entry is never changed. */
    private void storeOnce(AccessEntry entry) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(entry.accessId())), AccessEntry.class)) {
            return;
        }
        Update insertOnce = new Update()
                .setOnInsert("schoolId", entry.schoolId())
                .setOnInsert("personId", entry.personId())
                .setOnInsert("role", entry.role())
                .setOnInsert("kind", entry.kind())
                .setOnInsert("what", entry.what())
                .setOnInsert("recordId", entry.recordId())
                .setOnInsert("purpose", entry.purpose())
                .setOnInsert("at", entry.at())
                .setOnInsert("chainDay", entry.chainDay())
                .setOnInsert("chainSequence", entry.chainSequence())
                .setOnInsert("chainHash", entry.chainHash());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(entry.accessId())), insertOnce, AccessEntry.class);
        } catch (DuplicateKeyException anotherApplierStoredIt) {
            // the same entry, in the same place: the head that claimed it is the only place it is taken from
        }
    }

    private static AccessEntry chained(AccessEntry entry, String day, long sequence, String hash) {
        return new AccessEntry(entry.accessId(), entry.schoolId(), entry.personId(), entry.role(), entry.kind(), entry.what(),
                entry.recordId(), entry.purpose(), entry.at(), day, sequence, hash);
    }

    public DayVerification verify(String schoolId, LocalDate day) {
        List<AccessEntry> entries = mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("chainDay").is(day.toString()))
                .with(Sort.by(Sort.Direction.ASC, "chainSequence")), AccessEntry.class);
        byte[] previous = GENESIS;
        long expected = 0;
        Long firstBroken = null;
        for (AccessEntry entry : entries) {
            if (entry.chainSequence() == null || entry.chainSequence() != expected) {
                firstBroken = expected;
                break;
            }
            byte[] recomputed = hash(previous, expected, day.toString(), entry);
            if (entry.chainHash() == null || !MessageDigest.isEqual(recomputed, HexFormat.of().parseHex(entry.chainHash()))) {
                firstBroken = expected;
                break;
            }
            previous = recomputed;
            expected++;
        }
        String head = entries.isEmpty() ? null : entries.get(entries.size() - 1).chainHash();
        return new DayVerification(schoolId, day, firstBroken == null, entries.size(), firstBroken, clock.instant(), head);
    }

    static String dayOf(Instant at) {
        return LocalDate.ofInstant(at, SCHOOL_ZONE).toString();
    }

    static byte[] hash(byte[] previous, long sequence, String day, AccessEntry entry) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        sha256.update(previous);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
        for (String field : new String[] {entry.accessId(), entry.schoolId(), day, entry.personId(), name(entry.role()), name(entry.kind()),
                entry.what(), entry.recordId(), name(entry.purpose()), entry.at() == null ? null : entry.at().toString()}) {
            byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                sha256.update(bytes);
            }
        }
        return sha256.digest();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
