package nl.meldspoor.engines;

/** The other JVM of {@link FreePortsTest}: takes free ports, prints them one per line, and lives until it is stopped. */
public final class FreePortsHolder {

    private FreePortsHolder() {
    }

    public static void main(String[] arguments) throws Exception {
        int count = Integer.parseInt(arguments[0]);
        int from = 30_000;
        for (int i = 0; i < count; i++) {
            int port = FreePorts.free(new java.util.function.IntSupplier() {
                private int next = from;

                @Override
                public int getAsInt() {
                    return next++;
                }
            });
            System.out.println(port);
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
