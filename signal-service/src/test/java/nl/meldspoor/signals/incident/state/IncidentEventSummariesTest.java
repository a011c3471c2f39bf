package nl.meldspoor.signals.incident.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentEventSummariesTest {

    @Test
    void durationsAreShownInDutch() {
        assertThat(IncidentEventSummaries.duration(1)).isEqualTo("1 minuut");
        assertThat(IncidentEventSummaries.duration(45)).isEqualTo("45 minuten");
        assertThat(IncidentEventSummaries.duration(60)).isEqualTo("1 uur");
        assertThat(IncidentEventSummaries.duration(125)).isEqualTo("2 uur en 5 minuten");
        assertThat(IncidentEventSummaries.duration(1500)).isEqualTo("1 dag en 1 uur");
        assertThat(IncidentEventSummaries.duration(2880)).isEqualTo("2 dagen");
    }
}
