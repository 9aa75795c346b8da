package dev.gigstream.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A job that grows: {@code applicants} workers (baristas living at the site, available all week, so
 * every one of them is ranked) apply to one job one after another, each application timed; then, with
 * all of them in, the client reads the job's details and its ranked applicants, again and again.
 */
final class CrowdedJob {

    record Result(int applicants, Latencies all, Latencies first, Latencies last, int firstFrom, int lastFrom,
                  Latencies details, Latencies applicantsList, int listed) {
    }

    private final Api api;
    private final LoadDriver driver;

    CrowdedJob(Api api, LoadDriver driver) {
        this.api = api;
        this.driver = driver;
    }

    Result run(Api.User admin, Api.User client, int applicants, int reads) throws InterruptedException {
        System.out.printf("Growth: %,d workers sign up with a profile ...%n", applicants);
        List<Api.User> workers = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(8, applicants, i -> workers.add(Market.worker(api)));
        String job = api.post("/api/v1/jobs", Market.job(Duration.ofDays(1)), client.token()).expect(201, "post")
                .json().get("jobId").asText();
        driver.awaitProjectionsCaughtUp(admin);

        System.out.printf("  they apply to one job, one after another ...%n");
        List<Long> nanos = new ArrayList<>();
        for (Api.User worker : workers) {
            long sent = System.nanoTime();
            api.send("POST", "/api/v1/jobs/" + job + "/applications", null, worker.token(), Map.of(), null)
                    .expect(201, "apply");
            nanos.add(System.nanoTime() - sent);
        }
        int band = Math.max(1, Math.min(50, applicants / 2));
        Latencies all = of(nanos);
        Latencies first = of(nanos.subList(0, band));
        Latencies last = of(nanos.subList(applicants - band, applicants));

        driver.awaitProjectionsCaughtUp(admin);
        int listed = api.get("/api/v1/jobs/" + job + "/applicants", client.token()).expect(200, "applicants").json()
                .path("items").size();
        if (listed != applicants) {
            throw new IllegalStateException("The applicants list holds " + listed + " of the " + applicants + " applicants");
        }
        System.out.printf("  %d reads each of the job's details and of its %,d ranked applicants ...%n", reads, listed);
        Latencies details = new Latencies();
        Latencies applicantsList = new Latencies();
        for (int i = 0; i < reads; i++) {
            details.record(timed(() -> api.get("/api/v1/jobs/" + job, client.token()).expect(200, "job details")));
            applicantsList.record(timed(() -> api.get("/api/v1/jobs/" + job + "/applicants", client.token())
                    .expect(200, "applicants")));
        }
        return new Result(applicants, all, first, last, 1, applicants - band + 1, details, applicantsList, listed);
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

    private static Latencies of(List<Long> nanos) {
        Latencies latencies = new Latencies();
        nanos.forEach(latencies::record);
        return latencies;
    }
}
