package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.meldspoor.local.AccessMatrix.Mismatch;
import nl.meldspoor.local.AccessMatrix.Outcome;
import org.junit.jupiter.api.Test;

/** The checks of the access matrix can fail: a missing row, a stale row and a wrong cell are each reported. */
class AccessMatrixTest {

    private static final String MATRIX = """
            Legend text, with a table that is not the matrix.

            | code | meaning |
            |---|---|
            | `ok` | allowed |

            | endpoint | as | lk-a | ib-a | none |
            |---|---|---|---|---|
            | GET case /api/cases/{caseId} | | no | ok | 401 |
            | GET signal /api/incidents/{incidentId} | incidentId=meldplicht | no | no | 401 |
            | POST reporting /api/admin/read-models/{name}/rebuild | | no | no | 401 |
            """;

    @Test
    void anEndpointWithoutARowIsReported() {
        AccessMatrix matrix = AccessMatrix.parse(MATRIX);

        assertThat(matrix.endpointsWithoutRow(List.of("GET case /api/cases/{caseId}", "GET signal /api/incidents/{incidentId}",
                "POST reporting /api/admin/read-models/{name}/rebuild")))
                .as("a variant row does not stand in for the endpoint's own row")
                .containsExactly("GET signal /api/incidents/{incidentId}");
    }

    @Test
    void aRowWhoseEndpointNoLongerExistsIsReported() {
        AccessMatrix matrix = AccessMatrix.parse(MATRIX);

        assertThat(matrix.rowsWithoutEndpoint(List.of("GET case /api/cases/{caseId}", "GET signal /api/incidents/{incidentId}")))
                .containsExactly("POST reporting /api/admin/read-models/{name}/rebuild");
    }

    @Test
    void aCellThatDiffersIsReportedWithEndpointCallerExpectationAndStatus() {
        AccessMatrix matrix = AccessMatrix.parse(MATRIX);

        List<Mismatch> mismatches = matrix.compare(List.of(
                new Outcome("GET case /api/cases/{caseId}", "lk-a", 200, "{}"),
                new Outcome("GET case /api/cases/{caseId}", "ib-a", 200, "{}"),
                new Outcome("GET case /api/cases/{caseId}", "none", 401, ""),
                new Outcome("GET signal /api/incidents/{incidentId} [incidentId=meldplicht]", "ib-a", 200, "{}"),
                new Outcome("GET signal /api/incidents/{incidentId} [incidentId=meldplicht]", "lk-a", 404, "")));

        assertThat(mismatches).extracting(Mismatch::row, Mismatch::caller, Mismatch::expected, Mismatch::actual, Mismatch::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("GET case /api/cases/{caseId}", "lk-a", "no", "ok", 200),
                        org.assertj.core.groups.Tuple.tuple("GET signal /api/incidents/{incidentId} [incidentId=meldplicht]", "ib-a", "no", "ok", 200));
    }

    @Test
    void aDomainRefusalIsAllowedButABadBodyOrAnotherRefusalIsNot() {
        assertThat(AccessMatrix.matches("ok", 409)).isTrue();
        assertThat(AccessMatrix.matches("ok", 422)).isTrue();
        assertThat(AccessMatrix.matches("ok", 400)).as("a stale body says nothing about access").isFalse();
        assertThat(AccessMatrix.matches("no", 409)).as("a refused caller must not learn the record's state").isFalse();
        assertThat(AccessMatrix.matches("no", 404)).isTrue();
        assertThat(AccessMatrix.matches("401", 403)).isFalse();
        assertThat(AccessMatrix.matches("404", 404)).isTrue();
        assertThat(AccessMatrix.matches("404", 403)).isFalse();
    }

    @Test
    void aMalformedMatrixIsRefused() {
        assertThatThrownBy(() -> AccessMatrix.parse(MATRIX.replace("| no | ok | 401 |", "| no | yes | 401 |")))
                .hasMessageContaining("Unknown cell 'yes'");
        assertThatThrownBy(() -> AccessMatrix.parse(MATRIX.replace("| no | ok | 401 |", "| no | ok |")))
                .hasMessageContaining("the header has 5");
        assertThatThrownBy(() -> AccessMatrix.parse(MATRIX + "| GET case /api/cases/{caseId} | | no | ok | 401 |\n"))
                .hasMessageContaining("Row twice");
    }
}
