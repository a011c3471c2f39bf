package nl.meldspoor.platform.eventstore.chain;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;
import nl.meldspoor.platform.eventstore.chain.EventChainHash.StoredEvent;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the hash chains of the event store from the rows as stored. Reads run in a read-only
 * transaction: the verification itself can change nothing, whatever the credentials of its connection.
 */
public class EventChains {

    private static final String COLUMNS = "aggregateidentifier, sequencenumber, type, eventidentifier, timestamp,"
            + " payloadtype, payloadrevision, metadata, payload, chain_hash FROM domainevententry";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    public EventChains(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Rows are streamed, not loaded at once: PostgreSQL honours the fetch size inside a transaction.
        this.jdbc.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** @return the chain of one aggregate; {@code events} is 0 when nothing is stored under that id */
    public ChainVerification verify(String aggregateId) {
        Walker walker = new Walker(clock);
        readOnly.executeWithoutResult(status -> jdbc.query("SELECT " + COLUMNS
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", (RowCallbackHandler) row -> walker.accept(read(row)), aggregateId));
        return walker.finish(aggregateId);
    }

    /** Walks every aggregate once, in order, without holding the store in memory. */
    public void verifyAll(Consumer<ChainVerification> each) {
        readOnly.executeWithoutResult(status -> {
            Walker[] current = {null};
            String[] aggregate = {null};
            jdbc.query("SELECT " + COLUMNS + " ORDER BY aggregateidentifier, sequencenumber", (RowCallbackHandler) row -> {
                StoredEvent event = read(row);
                if (!event.aggregateIdentifier().equals(aggregate[0])) {
                    if (current[0] != null) {
                        each.accept(current[0].finish(aggregate[0]));
                    }
                    aggregate[0] = event.aggregateIdentifier();
                    current[0] = new Walker(clock);
                }
                current[0].accept(event);
            });
            if (current[0] != null) {
                each.accept(current[0].finish(aggregate[0]));
            }
        });
    }

    private static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9), row.getBytes(10));
    }

    /**
     * Follows one aggregate's events in sequence order. Sequence numbers start at 0 and have no gaps, so a
     * missing number is a removed event; each stored hash must equal the one recomputed from the previous
     * recomputed hash, so an edited row, a removed row and a rewritten hash all break the chain there.
     */
    private static final class Walker {

        private final Clock clock;
        private byte[] previous = EventChainHash.GENESIS;
        private long expectedSequence;
        private long events;
        private Long firstBroken;
        private byte[] head;

        Walker(Clock clock) {
            this.clock = clock;
        }

        void accept(StoredEvent event) {
            events++;
            head = event.chainHash();
            if (firstBroken != null) {
                return;
            }
            if (event.sequenceNumber() != expectedSequence) {
                firstBroken = expectedSequence;
                return;
            }
            byte[] recomputed = EventChainHash.of(previous, event);
            if (event.chainHash() == null || !MessageDigest.isEqual(recomputed, event.chainHash())) {
                firstBroken = event.sequenceNumber();
                return;
            }
            previous = recomputed;
            expectedSequence++;
        }

        ChainVerification finish(String aggregateId) {
            return new ChainVerification(aggregateId, firstBroken == null, events, firstBroken, clock.instant(),
                    head == null ? null : HexFormat.of().formatHex(head));
        }
    }
}
