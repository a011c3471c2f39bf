package nl.meldspoor.platform.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.BadRequestHeaderException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.serialization.Revision;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The append-only access log (DOMAIN.md §7): every read of a dossier, a timeline, a pupil's signals or
 * the incident register is written to Kafka — acknowledged by all in-sync replicas — before the data
 * leaves the service. When it cannot be written, the read is refused: no read without its record.
 */
public class AccessLog {

    public static final String PURPOSE_HEADER = "X-Meldspoor-Purpose";

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    public AccessLog(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Clock clock, Duration timeout) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @throws BadRequestHeaderException when the purpose header names no known purpose: the log takes codes, never free text
     * @throws AccessLogUnavailableException when the record could not be written
     */
    public void record(Caller caller, String schoolId, RecordKind kind, String recordId, HttpServletRequest request) {
        RecordViewed viewed = new RecordViewed(UUID.randomUUID().toString(), schoolId, caller.actor(), clock.instant(), kind, recordId,
                purpose(request.getHeader(PURPOSE_HEADER)));
        try {
            kafka.send(record(viewed)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AccessLogUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessLogUnavailableException(e);
        } catch (RuntimeException e) {
            throw new AccessLogUnavailableException(e);
        }
    }

    private ProducerRecord<String, byte[]> record(RecordViewed viewed) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_ID, viewed.accessId());
        add(headers, EventHeaders.EVENT_TYPE, RecordViewed.class.getName());
        add(headers, EventHeaders.EVENT_REVISION, RecordViewed.class.getAnnotation(Revision.class).value());
        add(headers, EventHeaders.AGGREGATE_ID, viewed.accessId());
        add(headers, EventHeaders.AGGREGATE_TYPE, "AccessLog");
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, "0");
        add(headers, EventHeaders.RECORDED_AT, viewed.occurredAt().toString());
        add(headers, EventHeaders.SCHOOL, viewed.schoolId());
        add(headers, EventHeaders.OCCURRED_AT, viewed.occurredAt().toString());
        try {
            return new ProducerRecord<>(Topics.ACCESS_LOG, null, viewed.schoolId(), json.writeValueAsBytes(viewed), headers);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write an access record", e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A code of {@link AccessPurpose}, or nothing; any other text is refused rather than logged, as it could name a pupil. */
    static AccessPurpose purpose(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return AccessPurpose.ofCode(given).orElseThrow(() -> new BadRequestHeaderException(PURPOSE_HEADER,
                "Onbekend doel in " + PURPOSE_HEADER + ": gebruik een van " + AccessPurpose.codes() + "."));
    }
}
