package nl.meldspoor.engines.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker given no ports takes them below Linux's ephemeral range (32768 and up), reserved for this JVM: one from that
 * range could be taken by an outgoing connection of any process between its pick and the broker's bind.
 */
class EmbeddedKafkaBrokerPortsTest {

    @TempDir
    Path data;

    @Test
    void brokersWithoutPortsGetReservedPortsBelowTheEphemeralRangeEachTheirOwn() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(data.resolve("broker-" + i)).build();
            assertThat(broker.clientPort()).isBetween(1024, 32767);
            assertThat(broker.controllerPort()).isBetween(1024, 32767);
            ports.add(broker.clientPort());
            ports.add(broker.controllerPort());
        }
        assertThat(ports).as("no port given twice").hasSize(10);
    }
}
