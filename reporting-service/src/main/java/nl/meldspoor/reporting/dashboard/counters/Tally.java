package nl.meldspoor.reporting.dashboard.counters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dashboard adds up, read from the counters of the schools in scope: counts per school and day
 * ({@link Counter}), the step-duration samples of the cases opened on each day (for the medians), and the
 * due dates of the cases still open (for the overdue deadlines). Holds no pupil, no case, no text.
 */
public final class Tally {

    /**
     * Days from reaching step {@code fromStep} to reaching the next, of a case opened on {@code day}.
     */
    public record Sample(String schoolId, LocalDate day, int fromStep, double days) {
    }

    /** A case that is still open, with the due dates of its open deadlines. */
    public record OpenCase(String schoolId, List<LocalDate> dues) {

        public OpenCase {
            dues = List.copyOf(dues);
        }
    }

    private final Map<String, TreeMap<LocalDate, int[]>> counts = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private Map<String, List<Sample>> samplesBySchool;
    /** By school, in the order the schools were read: a school's list may be one kept between dashboards, not to be changed. */
    private final Map<String, List<OpenCase>> openCasesBySchool = new LinkedHashMap<>();

    public Tally add(String schoolId, LocalDate day, int counter, int amount) {
        counts(schoolId, day)[counter] += amount;
        return this;
    }

    /** Adds every count of {@code totals} (indexed by {@link Counter}) on one day: a whole month's, counted on its first. */
    public Tally addAll(String schoolId, LocalDate day, int[] totals) {
        int[] onDay = null;
        for (int counter = 0; counter < totals.length; counter++) {
            if (totals[counter] != 0) {
                if (onDay == null) {
                    onDay = counts(schoolId, day);
                }
                onDay[counter] += totals[counter];
            }
        }
        return this;
    }

    private int[] counts(String schoolId, LocalDate day) {
        return counts.computeIfAbsent(schoolId, school -> new TreeMap<>()).computeIfAbsent(day, d -> new int[Counter.SIZE]);
    }

    public Tally sample(String schoolId, LocalDate day, int fromStep, double days) {
        samples.add(new Sample(schoolId, day, fromStep, days));
        samplesBySchool = null;
        return this;
    }

    public Tally openCase(String schoolId, List<LocalDate> dues) {
        return openCasesOf(schoolId, List.of(new OpenCase(schoolId, dues)));
    }

    /** Adds a school's open cases at once; the list is kept as it is (not copied) and never changed here. */
    public Tally openCasesOf(String schoolId, List<OpenCase> cases) {
        openCasesBySchool.merge(schoolId, cases, (before, more) -> {
            List<OpenCase> both = new ArrayList<>(before);
            both.addAll(more);
            return both;
        });
        return this;
    }

    /** Adds the samples and open cases another tally read (the queries beside the months read no counts). */
    public Tally addSamplesAndOpenCases(Tally other) {
        samples.addAll(other.samples);
        samplesBySchool = null;
        other.openCasesBySchool.forEach(this::openCasesOf);
        return this;
    }

    /** Per school: per day, the counts indexed by {@link Counter}. */
    public Map<String, TreeMap<LocalDate, int[]>> counts() {
        return counts;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples of one school: a board's dashboard asks this for each of its schools. */
    public List<Sample> samplesOf(String schoolId) {
        if (samplesBySchool == null) {
            samplesBySchool = new HashMap<>();
            samples.forEach(sample -> samplesBySchool.computeIfAbsent(sample.schoolId(), school -> new ArrayList<>()).add(sample));
        }
        return samplesBySchool.getOrDefault(schoolId, List.of());
    }

    /** The open cases of every school read, school after school. */
    public List<OpenCase> openCases() {
        List<OpenCase> all = new ArrayList<>();
        openCasesBySchool.values().forEach(all::addAll);
        return all;
    }

    /** The open cases of one school: a board's dashboard asks this for each of its schools. */
    public List<OpenCase> openCasesOf(String schoolId) {
        return openCasesBySchool.getOrDefault(schoolId, List.of());
    }
}
