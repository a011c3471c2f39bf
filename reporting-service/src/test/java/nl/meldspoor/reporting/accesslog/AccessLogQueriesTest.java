package nl.meldspoor.reporting.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.reporting.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every read of a case adds an entry for as long as the case is kept: the dossier shows the newest and counts them all. */
class AccessLogQueriesTest {

    private static final Instant FIRST = Instant.parse("2026-11-02T08:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final AccessLogQueries queries = new AccessLogQueries(mongo.template());

    @AfterEach
    void close() {
        mongo.close();
    }

    private void read(String recordId, RecordKind kind, int minute) {
        mongo.template().insert(new AccessEntry("a-" + recordId + "-" + minute, "school-a", "lk-" + minute, Role.TEACHER, kind, kind.label(),
                recordId, AccessPurpose.CASE_WORK, FIRST.plus(Duration.ofMinutes(minute)), null, null, null));
    }

    @Test
    void aCasesNewestReadsComeFirstBoundedWithTheCountOfAll() {
        for (int minute = 1; minute <= 120; minute++) {
            read("case-1", minute % 2 == 0 ? RecordKind.DOSSIER : RecordKind.CASE_STATE, minute);
        }
        read("case-2", RecordKind.DOSSIER, 500);
        read("case-1", RecordKind.PUPIL_SIGNALS, 600);

        AccessLogQueries.NewestReads newest = queries.ofCase("case-1", 50);

        assertThat(newest.entries()).hasSize(50);
        assertThat(newest.entries().get(0).personId()).isEqualTo("lk-120");
        assertThat(newest.entries().get(49).personId()).isEqualTo("lk-71");
        assertThat(newest.total()).as("the case's reads only, of every kind about a case").isEqualTo(120);
        assertThat(queries.ofCase("case-2", 50).total()).isEqualTo(1);
        assertThat(queries.ofCase("case-3", 50).entries()).isEmpty();
    }
}
