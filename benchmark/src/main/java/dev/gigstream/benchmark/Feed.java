package dev.gigstream.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read model at size: {@code jobs} open jobs posted over HTTP, spread over West Africa's cities by
 * share (σ = 15 km around each centre) with one to three of forty skills, then a worker reads the feed
 * as the app offers it: open jobs within 50 km of a place in a city, the same needing one skill, and the
 * newest open jobs anywhere. Prints p50/p99 and how many jobs each kind of read matched on average.
 */
final class Feed {

    record Read(String name, Latencies latencies, double meanTotal) {
    }

    private static final List<String> SKILLS = List.of("barista", "cook", "waiter", "cashier", "cleaner", "driver",
            "security guard", "event staff", "bartender", "dishwasher", "porter", "receptionist", "usher", "chef",
            "housekeeper", "delivery rider", "warehouse picker", "forklift operator", "electrician", "plumber", "painter",
            "carpenter", "mason", "welder", "tiler", "gardener", "nanny", "caregiver", "tutor", "photographer",
            "dj", "mc", "makeup artist", "hair stylist", "tailor", "data entry", "sales promoter", "merchandiser",
            "call agent", "lifeguard");
    /** Lagos, Accra, Abuja, Kumasi, Ibadan, Port Harcourt, Kano, Benin City, with their shares. */
    private static final double[][] CITIES = {{6.5244, 3.3792}, {5.6037, -0.1870}, {9.0765, 7.3986}, {6.6885, -1.6244},
            {7.3775, 3.9470}, {4.8156, 7.0498}, {12.0022, 8.5920}, {6.3350, 5.6037}};
    private static final double[] SHARES = {0.30, 0.18, 0.10, 0.10, 0.08, 0.08, 0.08, 0.08};

    private final Api api;
    private final LoadDriver driver;
    private final Random random = new Random(42);

    Feed(Api api, LoadDriver driver) {
        this.api = api;
        this.driver = driver;
    }

    List<Read> run(Api.User admin, List<Api.User> clients, int jobs, int queries) throws InterruptedException {
        System.out.printf("Reads: posting %,d open jobs over West Africa with %d clients ...%n", jobs, clients.size());
        long started = System.nanoTime();
        Parallel.run(clients.size(), jobs, i -> {
            Random r = new Random(i);
            api.post("/api/v1/jobs", job(r), clients.get(i % clients.size()).token()).expect(201, "post");
        });
        System.out.printf("  posted in %.0f s; waiting for the read models ...%n", (System.nanoTime() - started) / 1e9);
        driver.awaitProjectionsCaughtUp(admin);
        Api.User worker = Market.worker(api);
        return List.of(
                read("feed, open jobs within 50 km", queries, worker, () -> place(random) + "&radiusKm=50"),
                read("feed, open jobs within 50 km needing a skill", queries, worker, () -> place(random)
                        + "&radiusKm=50&skill=" + SKILLS.get(random.nextInt(SKILLS.size())).replace(" ", "%20")),
                read("feed, newest open jobs, no place", queries, worker, () -> ""));
    }

    private Read read(String name, int queries, Api.User worker, java.util.function.Supplier<String> query) {
        Latencies latencies = new Latencies();
        AtomicLong totals = new AtomicLong();
        for (int i = 0; i < queries; i++) {
            String path = "/api/v1/jobs?status=OPEN&page=0&size=20" + query.get();
            long sent = System.nanoTime();
            Api.Answer answer = api.get(path, worker.token()).expect(200, "feed");
            latencies.record(System.nanoTime() - sent);
            totals.addAndGet(answer.json().path("total").asLong());
        }
        return new Read(name, latencies, (double) totals.get() / queries);
    }

    private static Map<String, Object> job(Random r) {
        Instant start = Instant.now().plus(Duration.ofHours(24 + r.nextInt(14 * 24)));
        List<String> skills = r.ints(1 + r.nextInt(3), 0, SKILLS.size()).mapToObj(SKILLS::get).distinct().toList();
        double[] point = near(r);
        return Map.of("title", "Shift", "description", "",
                "requiredSkills", skills,
                "location", Map.of("lat", point[0], "lng", point[1], "address", "Somewhere"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", 500_000 + r.nextInt(2_000_000), "currency", "NGN"));
    }

    private static String place(Random r) {
        double[] point = near(r);
        return String.format("&lat=%.4f&lng=%.4f", point[0], point[1]);
    }

    /** A point in one of the cities, chosen by its share, spread around its centre (σ = 15 km). */
    private static double[] near(Random r) {
        double pick = r.nextDouble();
        int city = 0;
        while (city < SHARES.length - 1 && pick > SHARES[city]) {
            pick -= SHARES[city++];
        }
        double km = 15 * r.nextGaussian();
        double bearing = r.nextDouble() * 2 * Math.PI;
        double lat = CITIES[city][0] + km / 111.0 * Math.cos(bearing);
        double lng = CITIES[city][1] + km / (111.0 * Math.cos(Math.toRadians(CITIES[city][0]))) * Math.sin(bearing);
        return new double[] {lat, lng};
    }
}
