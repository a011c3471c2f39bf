package nl.meldspoor.signals.caseholds;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.platform.consuming.PoisonEventException;
import nl.meldspoor.platform.consuming.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Only the events that open, close or reopen a case are decoded; the rest of a case's events are passed over unread. */
class CaseHoldsTest {

    private static final String UNREADABLE = "{not json";

    /** No database: neither case below may reach it. */
    private final CaseHolds holds = new CaseHolds(null, new PublishedEvents(new ObjectMapper()));

    @Test
    void aCaseEventThatNeitherOpensClosesNorReopensACaseIsPassedOverWithoutBeingDecoded() {
        assertThatCode(() -> holds.on(record(ColleagueConsulted.class.getName(), UNREADABLE))).doesNotThrowAnyException();
    }

    @Test
    void anEventThatChangesAHoldIsStillDecodedAndARecordWithoutATypeStillRefused() {
        assertThatThrownBy(() -> holds.on(record(CaseClosed.class.getName(), UNREADABLE))).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> holds.on(record(null, "{}"))).isInstanceOf(PoisonEventException.class);
    }

    private static ConsumerRecord<String, byte[]> record(String type, String value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("meldspoor.case-events", 0, 0L, "case-1", value.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
