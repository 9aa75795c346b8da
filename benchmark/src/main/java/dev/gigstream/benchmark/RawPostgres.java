package dev.gigstream.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own speed in the same run: threads each inserting one row per autocommitted
 * transaction into a scratch table, with synchronous_commit as the server has it.
 */
final class RawPostgres {

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;

    RawPostgres(ConnectionSource connections) {
        this.connections = connections;
    }

    String setting(String name) throws SQLException {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("SHOW " + name);
            result.next();
            return result.getString(1);
        }
    }

    /** Commits per second with {@code threads} connections inserting for {@code duration}. */
    double commitsPerSecond(int threads, Duration duration) throws Exception {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGSERIAL PRIMARY KEY, thread INT NOT NULL,"
                    + " payload VARCHAR(255) NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> inserters = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread inserter = new Thread(() -> {
                try (Connection connection = connections.open();
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_commit (thread, payload) VALUES (?, ?)")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setInt(1, thread);
                        insert.setString(2, "{\"jobId\":\"" + java.util.UUID.randomUUID() + "\"}");
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "pg-inserter-" + t);
            inserter.start();
            inserters.add(inserter);
        }
        for (Thread inserter : inserters) {
            inserter.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return commits.get() / ((System.nanoTime() - started) / 1e9);
    }
}
