package nl.meldspoor.bench;

/**
 * How big the generated board is and how long each probe runs. {@code -Dbench=full} (or {@code medium}) picks the
 * sizes; each can be overridden, e.g. {@code -Dbench.schools=10 -Dbench.years=2}.
 *
 * @param schools                schools of the board, ten to a cluster
 * @param years                  school years of history (signals and incidents are dated over them; the case-service
 *                               refuses backdated case steps, so a case's steps are dated when they are loaded)
 * @param casesPerSchoolYear     meldcode cases per school and year, in the seeds' mix of steps and outcomes
 * @param signalsPerSchoolYear   further signals in pupils' files per school and year (every category)
 * @param incidentsPerSchoolYear incidents per school and year (every type in turn, with their protocol steps)
 * @param seed                   the generator's seed: the same seed, the same board
 * @param loadClients            parallel clients loading the board
 * @param commands               commands per command probe (per client count)
 * @param visibility             commands timed from answer to visible in the reporting-service
 * @param longCase               events of the long case whose timeline is read
 * @param reads                  reads per read probe (timeline, as-of, dashboards)
 * @param rawRows                rows/records/documents per raw-engine baseline
 * @param jvmOptions             the services' JVM options ({@code -Dbench.jvm-options}): {@code production} (the deployed
 *                               services' settings, the default at size), {@code quick-start} (the local system's default,
 *                               the smoke run's: it starts fastest) or the options themselves, separated by spaces
 * @param load                   how the board's meldcode cases are loaded ({@code -Dbench.load}): {@code store} (the default:
 *                               straight into the case-service's event store by {@link StoreLoader}, through the real
 *                               aggregate and sealing serializer) or {@code http} (every command over the case-service's
 *                               API, at the commands' own rate); signals and incidents are always loaded over HTTP
 * @param storeCasesPerSchoolYear meldcode cases per school and year when loaded into the store ({@code -Dbench.store-cases}):
 *                               the full board's 290 give 145,000 cases of seven events on average, about 1M events
 */
record BenchSettings(String mode, int schools, int years, int casesPerSchoolYear, int signalsPerSchoolYear, int incidentsPerSchoolYear,
                     long seed, int loadClients, int commands, int visibility, int longCase, int reads, int rawRows, String jvmOptions,
                     String load, int storeCasesPerSchoolYear) {

    /**
     * Cases per second the visibility probe's four background clients open together ({@code -Dbench.background-rate};
     * 0: as fast as they can). Unlimited, they write faster than the dashboard counters apply, and the probe then
     * measures a growing backlog rather than the path from answer to view.
     */
    int backgroundRate() {
        return Integer.getInteger("bench.background-rate", mode.equals("smoke") ? 0 : 10);
    }

    boolean loadsIntoTheStore() {
        return load.equals("store");
    }

    /** The same board without meldcode cases: what is still loaded over HTTP beside the store loader. */
    BenchSettings withoutCases() {
        return new BenchSettings(mode, schools, years, 0, signalsPerSchoolYear, incidentsPerSchoolYear, seed, loadClients, commands, visibility,
                longCase, reads, rawRows, jvmOptions, load, storeCasesPerSchoolYear);
    }

    /** The options the name stands for, as the local system's {@code MELDSPOOR_LOCAL_JVM_OPTIONS} reads them. */
    java.util.List<String> serviceJvmOptions() {
        return switch (jvmOptions.strip()) {
            case "production" -> nl.meldspoor.local.LocalSettings.PRODUCTION_JVM_OPTIONS;
            case "", "quick-start" -> nl.meldspoor.local.LocalSettings.QUICK_START_JVM_OPTIONS;
            default -> java.util.List.of(jvmOptions.strip().split("\\s+"));
        };
    }

    static BenchSettings fromSystemProperties() {
        String mode = System.getProperty("bench", "smoke");
        BenchSettings defaults = switch (mode) {
            case "full" -> new BenchSettings(mode, 100, 5, 12, 60, 10, 14, 16, 2000, 300, 1000, 200, 20_000, "production", "store", 290);
            case "medium" -> new BenchSettings(mode, 10, 2, 12, 60, 10, 14, 16, 1000, 200, 1000, 100, 10_000, "production", "store", 100);
            // the smallest board and the fewest iterations that still give every row a figure: it runs in every verify;
            // ten cases in the store, one of each pattern, read back by the services
            default -> new BenchSettings("smoke", 1, 1, 1, 1, 1, 14, 2, 4, 1, 4, 2, 100, "quick-start", "store", Board.CASE_PATTERNS);
        };
        return new BenchSettings(mode,
                integer("bench.schools", defaults.schools()),
                integer("bench.years", defaults.years()),
                integer("bench.cases", defaults.casesPerSchoolYear()),
                integer("bench.signals", defaults.signalsPerSchoolYear()),
                integer("bench.incidents", defaults.incidentsPerSchoolYear()),
                Long.getLong("bench.seed", defaults.seed()),
                integer("bench.load-clients", defaults.loadClients()),
                integer("bench.commands", defaults.commands()),
                integer("bench.visibility", defaults.visibility()),
                integer("bench.long-case", defaults.longCase()),
                integer("bench.reads", defaults.reads()),
                integer("bench.raw-rows", defaults.rawRows()),
                System.getProperty("bench.jvm-options", defaults.jvmOptions()),
                System.getProperty("bench.load", defaults.load()),
                integer("bench.store-cases", defaults.storeCasesPerSchoolYear()));
    }

    private static int integer(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }
}
