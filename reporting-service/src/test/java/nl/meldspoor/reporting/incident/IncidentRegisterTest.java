package nl.meldspoor.reporting.incident;

import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.incident.IncidentQueries.Filter;
import nl.meldspoor.reporting.incident.IncidentQueries.MeldplichtLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

class IncidentRegisterTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final IncidentRegister register = mongo.incidentRegister();
    private final IncidentQueries queries = new IncidentQueries(mongo.template());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private IncidentHistoryBuilder record(IncidentHistoryBuilder history) {
        history.published().forEach(register::apply);
        history.published().forEach(register::apply);
        return history;
    }

    private List<IncidentLine> lines(Filter filter) {
        return queries.register(filter, PageRequest.of(0, 50, Sort.by("line.occurredAt"))).getContent();
    }

    @Test
    void theRegisterIsChronologicalPerSchoolWithTheProtocolsProgress() {
        IncidentHistoryBuilder bullying = record(IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-10-05T10:00:00Z"),
                IncidentType.SERIOUS_BULLYING, Severity.SERIOUS).allBullyingSteps());
        IncidentHistoryBuilder fight = record(IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-09-14T10:00:00Z"),
                IncidentType.PHYSICAL_VIOLENCE, Severity.MINOR));
        IncidentHistoryBuilder meldplicht = record(IncidentHistoryBuilder.meldplicht("school-a", Instant.parse("2026-11-02T10:00:00Z"))
                .boardInformed(45));
        record(IncidentHistoryBuilder.incident("school-b", Instant.parse("2026-10-01T10:00:00Z"), IncidentType.THEFT, Severity.MINOR));

        List<IncidentLine> schoolA = lines(new Filter("school-a", null, null, null, null, MeldplichtLines.ALL));

        assertThat(schoolA).extracting(IncidentLine::incidentId).containsExactly(fight.incidentId(), bullying.incidentId(), meldplicht.incidentId());
        IncidentLine bullyingLine = schoolA.get(1);
        assertThat(bullyingLine.track()).isEqualTo(ProtocolTrack.BULLYING);
        assertThat(bullyingLine.protocolStatus()).isEqualTo(ProtocolStatus.COMPLETE);
        assertThat(bullyingLine.protocolSteps()).isEqualTo(5);
        assertThat(schoolA.get(0).protocolStatus()).isEqualTo(ProtocolStatus.NOT_STARTED);
        IncidentLine meldplichtLine = schoolA.get(2);
        assertThat(meldplichtLine.meldplicht()).isTrue();
        assertThat(meldplichtLine.minutesToBoard()).isEqualTo(45);
        assertThat(meldplichtLine.protocolStatus()).isEqualTo(ProtocolStatus.IN_PROGRESS);
    }

    @Test
    void theRegisterFiltersByTypePeriodAndProtocolStatus() {
        record(IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-09-14T10:00:00Z"), IncidentType.PHYSICAL_VIOLENCE, Severity.MINOR));
        IncidentHistoryBuilder bullying = record(IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-10-05T10:00:00Z"),
                IncidentType.SERIOUS_BULLYING, Severity.SERIOUS).allBullyingSteps());

        assertThat(lines(new Filter("school-a", IncidentType.SERIOUS_BULLYING, null, null, null, MeldplichtLines.ALL))).hasSize(1);
        assertThat(lines(new Filter("school-a", null, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), null, MeldplichtLines.ALL)))
                .extracting(IncidentLine::incidentId).containsExactly(bullying.incidentId());
        assertThat(lines(new Filter("school-a", null, null, null, ProtocolStatus.NOT_STARTED, MeldplichtLines.ALL))).hasSize(1);
    }

    @Test
    void theExportHasOneRowPerIncidentWithDutchLabelsAndNoFreeText() {
        record(IncidentHistoryBuilder.meldplicht("school-a", Instant.parse("2026-11-02T10:00:00Z")).boardInformed(45));

        String csv = IncidentCsv.of(queries.all(new Filter("school-a", null, null, null, null, MeldplichtLines.ALL)));

        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).startsWith("kenmerk;school;datum en tijd");
        assertThat(rows[1]).contains(";2026-11-02 11:00;").contains("Zedendelict door een medewerker").contains(";ja;").contains(";45;");
        assertThat(csv).doesNotContain("Omschrijving.").doesNotContain("lln-1");
    }

    @Test
    void aMeldplichtIncidentIsInTheRegisterAndTheExportOnlyForItsRecorderTheBoardAndAnAuditor() {
        IncidentHistoryBuilder fight = record(IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-09-14T10:00:00Z"),
                IncidentType.PHYSICAL_VIOLENCE, Severity.MINOR));
        IncidentHistoryBuilder meldplicht = record(IncidentHistoryBuilder.meldplicht("school-a", Instant.parse("2026-11-02T10:00:00Z"))
                .boardInformed(45));
        Filter asAnotherReader = new Filter("school-a", null, null, null, null, MeldplichtLines.recordedBy("dir-carla"));
        Filter asTheRecorder = new Filter("school-a", null, null, null, null, MeldplichtLines.recordedBy("lk-eva"));
        Filter asBoardOrAuditor = new Filter("school-a", null, null, null, null, MeldplichtLines.ALL);

        assertThat(lines(asAnotherReader)).extracting(IncidentLine::incidentId).containsExactly(fight.incidentId());
        assertThat(queries.register(asAnotherReader, PageRequest.of(0, 50)).getTotalElements()).as("not even counted").isEqualTo(1);
        assertThat(IncidentCsv.of(queries.all(asAnotherReader))).doesNotContain(meldplicht.incidentId()).doesNotContain("Zedendelict");
        assertThat(lines(asTheRecorder)).extracting(IncidentLine::incidentId).containsExactly(fight.incidentId(), meldplicht.incidentId());
        assertThat(IncidentCsv.of(queries.all(asBoardOrAuditor))).contains(meldplicht.incidentId());
    }

    @Test
    void cellsThatCouldBreakOrTrickASpreadsheetAreEscaped() {
        assertThat(IncidentCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(IncidentCsv.cell("=HYPERLINK()")).isEqualTo("'=HYPERLINK()");
    }
}
