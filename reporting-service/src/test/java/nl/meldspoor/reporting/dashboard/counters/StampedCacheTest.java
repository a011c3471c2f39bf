package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class StampedCacheTest {

    @Test
    void aValueIsGivenBackOnlyUnderTheStampItWasReadUnder() {
        StampedCache<String> cache = new StampedCache<>(10);
        ObjectId stamp = new ObjectId();
        cache.put("school-0|2025-09", stamp, "read");

        assertThat(cache.get("school-0|2025-09", stamp)).isEqualTo("read");
        assertThat(cache.get("school-0|2025-09", new ObjectId())).as("stamped anew").isNull();
        assertThat(cache.get("school-0|2025-10", stamp)).as("another month").isNull();
        assertThat(cache.get("school-0|2025-09", null)).as("no stamp (any more)").isNull();
    }

    @Test
    void whatHasNoStampIsNeverKept() {
        StampedCache<String> cache = new StampedCache<>(10);
        cache.put("school-0|2025-09", null, "read");

        assertThat(cache.size()).isZero();
    }

    @Test
    void itKeepsNoMoreThanItsBoundAndTheNewestEntryAlways() {
        StampedCache<Integer> cache = new StampedCache<>(100);
        ObjectId stamp = new ObjectId();
        for (int i = 0; i < 1_000; i++) {
            cache.put("month-" + i, stamp, i);
            assertThat(cache.get("month-" + i, stamp)).isEqualTo(i);
        }

        assertThat(cache.size()).isEqualTo(100);
        cache.put("month-999", new ObjectId(), 999);
        assertThat(cache.size()).as("stamped anew: replaced, nothing pushed out").isEqualTo(100);
    }

    @Test
    void boundZeroKeepsNothing() {
        StampedCache<Integer> cache = new StampedCache<>(0);
        cache.put("month", new ObjectId(), 1);

        assertThat(cache.size()).isZero();
    }
}
