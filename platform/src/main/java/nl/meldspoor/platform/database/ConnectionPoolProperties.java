package nl.meldspoor.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The write service's connection pool, whether the service starts its own PostgreSQL or connects to the board's.
 * A command holds one connection for its whole transaction; with fewer connections than concurrent commands the
 * request threads queue for the pool (a pool of 10 made 19 % of busy request threads wait at 16 clients).
 *
 * @param poolSize    connections at most: the concurrent commands expected plus the background work (publishing
 *                    lanes, the event store's reader, the scheduled scans); more only queues inside PostgreSQL
 * @param poolMinIdle connections kept open while idle; the pool grows to {@code poolSize} under load
 */
@ConfigurationProperties("meldspoor.database")
public record ConnectionPoolProperties(Integer poolSize, Integer poolMinIdle) {

    public ConnectionPoolProperties {
        poolSize = poolSize == null ? 20 : poolSize;
        poolMinIdle = poolMinIdle == null ? Math.min(4, poolSize) : Math.min(poolMinIdle, poolSize);
        if (poolSize < 1 || poolMinIdle < 0) {
            throw new IllegalArgumentException("meldspoor.database.pool-size must be at least 1 and pool-min-idle not negative");
        }
    }
}
