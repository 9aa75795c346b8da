package dev.gigstream.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost of loading an existing aggregate, as a user meets it and as the store serves it: a worker
 * applies to jobs that already hold a few events (posted, applied to by another worker), one after
 * another once the projections are idle; and the event store's own read of each job's events (the
 * query Axon sends), timed over JDBC.
 */
final class AggregateLoad {

    record Result(long storeEvents, Latencies apply, Latencies storeRead) {
    }

    private final Api api;
    private final LoadDriver driver;

    AggregateLoad(Api api, LoadDriver driver) {
        this.api = api;
        this.driver = driver;
    }

    Result measure(Api.User admin, Api.User client, int samples, BulkLoader.ConnectionSource db) throws SQLException {
        Api.User first = Market.worker(api);
        Api.User second = Market.worker(api);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            jobs.add(api.post("/api/v1/jobs", Market.job(Duration.ofDays(1)), client.token()).expect(201, "post").json()
                    .get("jobId").asText());
            api.post("/api/v1/jobs/" + jobs.get(i) + "/applications", null, first.token()).expect(201, "apply");
        }
        driver.awaitProjectionsCaughtUp(admin);
        Latencies apply = new Latencies();
        for (String job : jobs) {
            long sent = System.nanoTime();
            api.send("POST", "/api/v1/jobs/" + job + "/applications", null, second.token(), Map.of(), null)
                    .expect(201, "apply");
            apply.record(System.nanoTime() - sent);
        }
        Latencies storeRead = new Latencies();
        try (Connection connection = db.open();
             PreparedStatement read = connection.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier,"
                     + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                     + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= ?"
                     + " ORDER BY sequence_number ASC")) {
            for (String job : jobs) {
                long started = System.nanoTime();
                read.setString(1, job);
                read.setLong(2, 0);
                try (ResultSet events = read.executeQuery()) {
                    while (events.next()) {
                        events.getBytes(9);
                    }
                }
                storeRead.record(System.nanoTime() - started);
            }
            return new Result(count(connection), apply, storeRead);
        }
    }

    static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }
}
