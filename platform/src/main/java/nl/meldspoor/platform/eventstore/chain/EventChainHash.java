package nl.meldspoor.platform.eventstore.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical form of an event's chain hash, recomputed here independently of the database function that
 * fills {@code domainevententry.chain_hash} on insert (migration V20): an owner who replaces that function
 * cannot make this verification agree with it. Both must follow exactly this definition:
 *
 * <pre>
 * chain_hash(n) = SHA-256( chain_hash(previous) || int8(sequencenumber)
 *                          || field(aggregateidentifier) || field(type) || field(eventidentifier)
 *                          || field(timestamp) || field(payloadtype) || field(payloadrevision)
 *                          || field(metadata) || field(payload) )
 * chain_hash(previous) = 32 zero bytes for an aggregate's first event
 * field(x) = int4(-1) for NULL, else int4(byte length) || bytes (text as UTF-8)
 * int4, int8 = big-endian two's complement
 * </pre>
 */
public final class EventChainHash {

    /** What the first event of an aggregate chains to. */
    public static final byte[] GENESIS = new byte[32];

    private EventChainHash() {
    }

    /** One stored event row, every column as stored. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                              String timestamp, String payloadType, String payloadRevision, byte[] metadata, byte[] payload,
                              byte[] chainHash) {
    }

    public static byte[] of(byte[] previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(sha256, text(event.aggregateIdentifier()));
        field(sha256, text(event.type()));
        field(sha256, text(event.eventIdentifier()));
        field(sha256, text(event.timestamp()));
        field(sha256, text(event.payloadType()));
        field(sha256, text(event.payloadRevision()));
        field(sha256, event.metadata());
        field(sha256, event.payload());
        return sha256.digest();
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
