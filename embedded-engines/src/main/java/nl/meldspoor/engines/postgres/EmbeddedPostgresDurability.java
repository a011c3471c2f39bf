package nl.meldspoor.engines.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded binaries start as a throw-away test database: {@code fsync=off} (zonky passes {@code -F}) and
 * {@code synchronous_commit=off}. A data directory that is meant to survive a crash of the machine — the local
 * system's {@code data/local}, a lone service's {@code data/<service>} — needs the server's normal
 * durability back; a test may keep it off for speed.
 */
public final class EmbeddedPostgresDurability {

    private EmbeddedPostgresDurability() {
    }

    /** {@code -c} settings come after zonky's {@code -F} on the command line, so they win. */
    public static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder, boolean durable) {
        String setting = durable ? "on" : "off";
        return builder
                .setServerConfig("fsync", setting)
                .setServerConfig("synchronous_commit", setting)
                .setServerConfig("full_page_writes", setting);
    }
}
