package nl.meldspoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The raw baseline of a command: single-row inserts, each its own transaction, into the same PostgreSQL. */
final class RawJdbc {

    private static final String PAYLOAD = "{\"schoolId\":\"bs-001\",\"pupilRef\":\"lln-" + "x".repeat(36)
            + "\",\"summary\":\"" + "Blauwe plekken op de armen. ".repeat(12) + "\"}";

    private final String url;
    private final Bench bench;

    RawJdbc(String url, Bench bench) {
        this.url = url;
        this.bench = bench;
    }

    void prepare() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_event (id bigserial PRIMARY KEY, aggregate_identifier varchar(64) NOT NULL, "
                    + "sequence_number bigint NOT NULL, payload jsonb NOT NULL, created timestamptz NOT NULL DEFAULT now(), "
                    + "UNIQUE (aggregate_identifier, sequence_number))");
        }
    }

    /**
     * The raw baseline of the store loader: the same number of rows of about an event's size, in JDBC batches of the
     * given size, one transaction per batch, on one connection. Returns rows per second.
     */
    double batchInserts(int rows, int batch) throws SQLException {
        String run = java.util.UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", "postgres", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_event (aggregate_identifier, sequence_number, payload) VALUES (?, ?, ?::jsonb)")) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                insert.setString(1, run + "-" + i / 10);
                insert.setLong(2, i % 10);
                insert.setString(3, PAYLOAD);
                insert.addBatch();
                if ((i + 1) % batch == 0 || i == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    Bench.Measured inserts(int clients, int rows) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(url, "postgres", "");
                connections.add(connection);
                statements.add(connection.prepareStatement("INSERT INTO raw_event (aggregate_identifier, sequence_number, payload) VALUES (?, ?, ?::jsonb)"));
            }
            String run = java.util.UUID.randomUUID().toString();
            ThreadLocal<Integer> client = new ThreadLocal<>();
            java.util.concurrent.atomic.AtomicInteger clientIds = new java.util.concurrent.atomic.AtomicInteger();
            return bench.timed(clients, rows, i -> () -> {
                if (client.get() == null) {
                    client.set(clientIds.getAndIncrement());
                }
                try {
                    PreparedStatement insert = statements.get(client.get());
                    insert.setString(1, run + "-" + i);
                    insert.setLong(2, 0);
                    insert.setString(3, PAYLOAD);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
