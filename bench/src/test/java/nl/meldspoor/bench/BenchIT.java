package nl.meldspoor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark as part of verify: by default a smoke run (a tiny board, few iterations) that proves every probe
 * still produces a figure beside its raw baseline; {@code -Dbench=full} or {@code -Dbench=medium} runs it at size.
 * No timing assertions: the figures are for the README's table, not for a test to judge. The smoke run loads its ten
 * meldcode cases (one of each pattern) straight into the case-service's event store ({@link StoreLoader}) and proves
 * that the services read them back as if they had been written over HTTP.
 */
class BenchIT {

    @TempDir
    Path data;

    @Test
    void everyProbeProducesAFigureAndTheTableIsWritten() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Report report = new Bench(settings, data).run();
        Path file = Path.of(System.getProperty("bench.report", "target/bench/report.md"));
        report.write(file);

        assertThat(report.rows()).extracting(Report.Row::what).anySatisfy(what -> assertThat(what).startsWith("load the generated board"))
                .anySatisfy(what -> assertThat(what).startsWith("open a case over HTTP, 1 client"))
                .anySatisfy(what -> assertThat(what).startsWith("open a case over HTTP, 16 clients"))
                .anySatisfy(what -> assertThat(what).startsWith("colleague consultation over HTTP, 1 client"))
                .anySatisfy(what -> assertThat(what).startsWith("colleague consultation over HTTP, 16 clients"))
                .anySatisfy(what -> assertThat(what).startsWith("command answered → visible"))
                .anySatisfy(what -> assertThat(what).startsWith("timeline of a"))
                .anySatisfy(what -> assertThat(what).startsWith("as-of"))
                .anySatisfy(what -> assertThat(what).startsWith("school dashboard"))
                .anySatisfy(what -> assertThat(what).startsWith("cluster dashboard"))
                .anySatisfy(what -> assertThat(what).startsWith("board dashboard"))
                .anySatisfy(what -> assertThat(what).startsWith("rebuild of the meldcode-cases read model, beside generation"))
                .anySatisfy(what -> assertThat(what).startsWith("rebuild of the dashboard-counters read model"));
        if (settings.loadsIntoTheStore()) {
            // the loaded board is read back by the services as if written over HTTP: Bench#readBack fails the row otherwise
            assertThat(report.rows()).extracting(Report.Row::what)
                    .anySatisfy(what -> assertThat(what).startsWith("load the generated board straight into the event store"))
                    .anySatisfy(what -> assertThat(what).startsWith("loaded events published to Kafka"))
                    .anySatisfy(what -> assertThat(what).startsWith("loaded events applied by"))
                    .anySatisfy(what -> assertThat(what).startsWith("loaded cases read back"));
        }
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.hasFigure()).as(row.toString()).isTrue());
        assertThat(report.notes()).as("each command row's CPU split by process").filteredOn(note -> note.startsWith("CPU per command by process"))
                .hasSize(4).allSatisfy(note -> assertThat(note).contains("engines (this JVM, without the bench's clients) ").contains("case-service ")
                        .contains("reporting-service ").contains("notification-service ").contains("postgres ")
                        .containsPattern("the bench's clients \\(not in all\\) [0-9.]+ ms"));
        assertThat(Files.readString(file)).contains("| what | measured | raw baseline | ratio | goal |");
    }
}
