package nl.meldspoor.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.SchoolYear;
import nl.meldspoor.reporting.organisation.OrganisationProperties;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.readmodel.BeforeServing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the whole board's counters of the last school years once when the replica has started, in the background, so
 * that what the counter queries keep under their stamps is there before the first dashboard after a deploy: that one
 * would otherwise read every month of its window (a board over five school years: ~6,000 month documents). What it reads
 * whole it stores together per school year ({@code SchoolYearTotals}), so that the next replica reads 500 documents. A
 * failure only leaves the first dashboard slower.
 *
 * <p>The same for a rebuilt generation of the counters once it has caught up, before it is served: the first dashboard
 * after the switch, which would find nothing kept and nothing stored, reads what was read ahead.
 */
@Component
class DashboardWarmUp implements BeforeServing {

    private static final Logger log = LoggerFactory.getLogger(DashboardWarmUp.class);

    private final CounterQueries counters;
    private final OrganisationProperties organisation;
    private final Clock clock;
    private final int schoolYears;

    DashboardWarmUp(CounterQueries counters, OrganisationProperties organisation, Clock clock,
                    @Value("${meldspoor.dashboards.warm-up-school-years:5}") int schoolYears) {
        this.counters = counters;
        this.organisation = organisation;
        this.clock = clock;
        this.schoolYears = schoolYears;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (schoolYears > 0) {
            Thread reading = new Thread(this::readTheBoard, "dashboard-warm-up");
            reading.setDaemon(true);
            reading.start();
        }
    }

    /** The board's schools from the start of the school year {@code schoolYears - 1} before this one to the end of this one. */
    void readTheBoard() {
        long started = System.nanoTime();
        try {
            LocalDate[] window = window();
            counters.tally(schools(), window[0], window[1]);
            log.info("Dashboards: the board's counters of {} school years read in {} ms", schoolYears, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException failure) {
            log.warn("Dashboards: the board's counters were not read ahead ({}); the first dashboard reads them", failure.toString());
        }
    }

    /** The same window of a rebuilt generation of the counters, before it is served; a failure goes to the switch. */
    @Override
    public void prepare(String readModel, int generation) {
        if (readModel.equals(DashboardCounters.NAME) && schoolYears > 0) {
            long started = System.nanoTime();
            LocalDate[] window = window();
            counters.readAhead(generation, schools(), window[0], window[1]);
            log.info("Dashboards: the board's counters of {} school years read ahead in generation {} in {} ms", schoolYears, generation,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private List<String> schools() {
        return organisation.clusters().stream().flatMap(cluster -> cluster.schools().stream()).map(School::id).distinct().toList();
    }

    /** From the start of the school year {@code schoolYears - 1} before this one to the end of this one (exclusive). */
    private LocalDate[] window() {
        LocalDate thisYear = SchoolYear.startOf(LocalDate.now(clock.withZone(Dashboards.AMSTERDAM)));
        return new LocalDate[] {thisYear.minusYears(schoolYears - 1L), thisYear.plusYears(1)};
    }
}
