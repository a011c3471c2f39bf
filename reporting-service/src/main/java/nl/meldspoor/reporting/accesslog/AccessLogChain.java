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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
 * One writer per school: the access-log topic is keyed by school and each read model consumes with one thread, so
 * appending after the day's last entry needs no lock, and a rebuild from offset 0 yields the same chain.
 */
@Component
public class AccessLogChain {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final byte[] GENESIS = new byte[32];

    private final MongoTemplate mongo;
    private final Clock clock;

    AccessLogChain(MongoTemplate mongo) {
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    /** What an auditor or principal learns about one school-day of the log. */
    public record DayVerification(String schoolId, LocalDate day, boolean valid, long entries, Long firstBrokenSequence,
                                  Instant checkedAt, String headHash) {
    }

    /** The link after the day's last stored entry. */
    record Link(String day, long sequence, String hash) {
    }

    Link next(AccessEntry unchained) {
        String day = dayOf(unchained.at());
        AccessEntry last = mongo.findOne(Query.query(Criteria.where("schoolId").is(unchained.schoolId()).and("chainDay").is(day)
                .and("chainSequence").ne(null)).with(Sort.by(Sort.Direction.DESC, "chainSequence")).limit(1), AccessEntry.class);
        long sequence = last == null ? 0 : last.chainSequence() + 1;
        byte[] previous = last == null ? GENESIS : HexFormat.of().parseHex(last.chainHash());
        return new Link(day, sequence, HexFormat.of().formatHex(hash(previous, sequence, day, unchained)));
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
