package dev.gigstream.api.benchmark;

import dev.gigstream.api.storage.ReadModelProperties;
import dev.gigstream.api.storage.ReadModelStore;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.FindRankedApplicants;
import dev.gigstream.messages.job.JobFeedPage;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.RankedApplicants;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.applicants.ApplicantsProjection;
import dev.gigstream.query.feed.JobFeedProjection;
import dev.gigstream.query.feed.OpenJobIndex;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Loads 100,000 open jobs and 20,000 workers into the embedded profile's read-model store (the
 * in-process MongoDB server on its H2 file backend) through the production projections, then times
 * the feed with a 50 km radius and the ranked applicants of jobs with 200 applicants each, as the
 * application asks them (Axon query bus). Not part of the test suite:
 * {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl api exec:java@benchmark}
 */
public final class ReadModelBenchmark {

    private static final int JOBS = Integer.getInteger("jobs", 100_000);
    private static final int WORKERS = Integer.getInteger("workers", 20_000);
    private static final int APPLICANT_JOBS = 200;
    private static final int APPLICANTS = 200;
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final List<String> SKILLS = List.of("barista", "cook", "waiter", "cashier", "cleaner", "driver",
            "security guard", "event staff", "bartender", "dishwasher", "porter", "receptionist", "usher", "chef",
            "housekeeper", "delivery rider", "warehouse picker", "forklift operator", "electrician", "plumber", "painter",
            "carpenter", "mason", "welder", "tiler", "gardener", "nanny", "caregiver", "tutor", "photographer",
            "dj", "mc", "makeup artist", "hair stylist", "tailor", "data entry", "sales promoter", "merchandiser",
            "call agent", "lifeguard");
    /** Where people live and work, by share: Lagos, Accra, Abuja, Kumasi, Ibadan, Port Harcourt, Kano, Benin City. */
    private static final GeoPoint[] CITIES = {new GeoPoint(6.5244, 3.3792), new GeoPoint(5.6037, -0.1870),
            new GeoPoint(9.0765, 7.3986), new GeoPoint(6.6885, -1.6244), new GeoPoint(7.3775, 3.9470),
            new GeoPoint(4.8156, 7.0498), new GeoPoint(12.0022, 8.5920), new GeoPoint(6.3350, 5.6037)};
    private static final double[] SHARES = {0.30, 0.18, 0.10, 0.10, 0.08, 0.08, 0.08, 0.08};

    private final Random random = new Random(42);

    public static void main(String[] args) throws Exception {
        new ReadModelBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dataDir = Files.createTempDirectory("gigstream-benchmark");
        try (ReadModelStore store = ReadModelStore.open(
                new ReadModelProperties(null, "gigstream", ReadModelProperties.InProcessStorage.FILE), dataDir)) {
            var readModels = store.client().getDatabase("gigstream");
            var workers = new WorkerProfileProjection(readModels, new BayesianAverage(BayesianAverage.DEFAULT_WEIGHT));
            var index = new OpenJobIndex();
            var feed = new JobFeedProjection(readModels, index);
            var applicants = new ApplicantsProjection(readModels, workers);
            var queryBus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(feed).subscribe(queryBus);
            new AnnotationQueryHandlerAdapter<>(applicants).subscribe(queryBus);
            QueryGateway queries = DefaultQueryGateway.builder().queryBus(queryBus).build();

            System.out.printf("Loading %,d workers and %,d open jobs into the in-process MongoDB (H2 file backend) ...%n",
                    WORKERS, JOBS);
            long started = System.nanoTime();
            List<WorkerSpec> workerSpecs = loadWorkers(new AnnotationEventHandlerAdapter(workers));
            double workerSeconds = seconds(started);
            started = System.nanoTime();
            List<JobPosted> jobs = IntStream.range(0, JOBS).mapToObj(this::job).toList();
            loadInParallel(jobs, job -> {
                event(new AnnotationEventHandlerAdapter(feed), job.jobId(), 0, job);
                event(new AnnotationEventHandlerAdapter(applicants), job.jobId(), 0, job);
                event(new AnnotationEventHandlerAdapter(index), job.jobId(), 0, job);
            });
            double jobSeconds = seconds(started);
            index.markReady();
            started = System.nanoTime();
            List<String> crowdedJobs = new ArrayList<>();
            var applicantHandler = new AnnotationEventHandlerAdapter(applicants);
            for (JobPosted job : jobs) {
                if (crowdedJobs.size() == APPLICANT_JOBS) {
                    break;
                }
                List<WorkerSpec> nearby = workerSpecs.stream()
                        .filter(w -> w.home().distanceKmTo(job.site().point()) < 60).toList();
                List<WorkerSpec> skilled = nearby.stream().filter(w -> w.skills().contains(job.requiredSkills().get(0))).toList();
                if (job.requiredSkills().size() > 1 || skilled.size() < 20 || nearby.size() < APPLICANTS) {
                    continue;
                }
                crowdedJobs.add(job.jobId());
                for (int a = 0; a < APPLICANTS; a++) { // seven in ten hold the job's first skill
                    List<WorkerSpec> pool = a % 10 < 7 ? skilled : nearby;
                    String workerId = pool.get(random.nextInt(pool.size())).id();
                    event(applicantHandler, job.jobId(), a + 1, new WorkerApplied(job.jobId(), workerId, null, NOW));
                }
            }
            System.out.printf("Loaded in %.0f s (workers) + %.0f s (jobs) + %.0f s (%d x %d applications)%n%n",
                    workerSeconds, jobSeconds, seconds(started), crowdedJobs.size(), APPLICANTS);

            System.out.println("query                                                   p50 ms   p99 ms   mean results");
            report("feed, open jobs within 50 km (in-memory index)", 3_000, () -> {
                JobFeedPage page = queries.query(new FindJobFeed(null, somewhere(), 50, null, null, JobStatus.OPEN,
                        null, 0, 20), JobFeedPage.class).join();
                return page.total();
            });
            report("feed, open jobs within 50 km needing a skill (index)", 3_000, () -> queries.query(
                    new FindJobFeed(SKILLS.get(random.nextInt(SKILLS.size())), somewhere(), 50, null, null,
                            JobStatus.OPEN, null, 0, 20), JobFeedPage.class).join().total());
            report("feed, newest open jobs, no place (index)", 1_000, () -> queries.query(
                    new FindJobFeed(null, null, 50, null, null, JobStatus.OPEN, null, 0, 20), JobFeedPage.class)
                    .join().total());
            report("ranked applicants of a job with 200 applicants", 1_000, () -> queries.query(
                    new FindRankedApplicants(crowdedJobs.get(random.nextInt(crowdedJobs.size()))),
                    ResponseTypes.optionalInstanceOf(RankedApplicants.class)).join().orElseThrow().items().size());
            var mongoOnlyBus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(new JobFeedProjection(readModels, new OpenJobIndex())) // never warm
                    .subscribe(mongoOnlyBus);
            QueryGateway mongoOnly = DefaultQueryGateway.builder().queryBus(mongoOnlyBus).build();
            report("feed within 50 km from MongoDB alone (index not warm)", 30, () -> mongoOnly.query(
                    new FindJobFeed(null, somewhere(), 50, null, null, JobStatus.OPEN, null, 0, 20), JobFeedPage.class)
                    .join().total());
        }
    }

    private record WorkerSpec(String id, List<String> skills, GeoPoint home) {
    }

    private List<WorkerSpec> loadWorkers(AnnotationEventHandlerAdapter handler) throws Exception {
        List<WorkerSpec> specs = IntStream.range(0, WORKERS).mapToObj(i -> new WorkerSpec(String.format("worker-%06d", i),
                random.ints(1 + random.nextInt(4), 0, SKILLS.size()).mapToObj(SKILLS::get).distinct().toList(),
                near(random))).toList();
        List<AvailabilityWindow> week = Arrays.stream(DayOfWeek.values())
                .map(day -> new AvailabilityWindow(day, LocalTime.of(6, 0), LocalTime.MAX)).toList();
        loadInParallel(specs, worker -> {
            Random r = new Random(worker.id().hashCode());
            event(handler, worker.id(), 0, new WorkerRegistered(worker.id(), "Worker " + worker.id()));
            event(handler, worker.id(), 1, new WorkerProfileUpdated(worker.id(), worker.skills(), null, worker.home(),
                    week, null));
            event(handler, worker.id(), 2, new WorkerWentOnline(worker.id(), NOW.minusSeconds(r.nextInt(30 * 24 * 3600))));
            if (r.nextInt(10) == 0) {
                event(handler, worker.id(), 3, new PremiumStarted(worker.id(), Instant.parse("2099-01-01T00:00:00Z")));
            }
        });
        return specs;
    }

    private JobPosted job(int i) {
        Instant posted = NOW.minusSeconds(random.nextInt(7 * 24 * 3600));
        Instant start = NOW.plusSeconds(3600L * (24 + random.nextInt(14 * 24)));
        List<String> skills = random.ints(1 + random.nextInt(3), 0, SKILLS.size()).mapToObj(SKILLS::get).distinct().toList();
        return new JobPosted(String.format("job-%06d", i), "client-" + random.nextInt(5_000), "Shift " + i, "",
                skills, new JobSite(near(random), "Somewhere"), new ShiftWindow(start, start.plus(Duration.ofHours(8))),
                Money.of(500_000 + random.nextInt(2_000_000), Currency.NGN), posted);
    }

    /** A point in one of the cities, chosen by its share, spread around its centre (σ = 15 km). */
    private static GeoPoint near(Random r) {
        double pick = r.nextDouble();
        int city = 0;
        while (city < SHARES.length - 1 && pick > SHARES[city]) {
            pick -= SHARES[city++];
        }
        double km = 15 * r.nextGaussian();
        double bearing = r.nextDouble() * 2 * Math.PI;
        GeoPoint centre = CITIES[city];
        return new GeoPoint(centre.lat() + km * Math.cos(bearing) / 111.2,
                centre.lng() + km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(centre.lat()))));
    }

    private GeoPoint somewhere() {
        return near(random);
    }

    private static <T> void loadInParallel(List<T> items, Loader<T> loader) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (T item : items) {
            pool.submit(() -> {
                try {
                    loader.load(item);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            throw new IllegalStateException("loading took too long");
        }
    }

    private static void event(AnnotationEventHandlerAdapter handler, String aggregateId, long sequence, Object payload)
            throws Exception {
        handler.handle(new GenericDomainEventMessage<>("Benchmark", aggregateId, sequence, payload));
    }

    private static void report(String name, int runs, Supplier<Number> query) {
        for (int i = 0; i < Math.max(5, runs / 10); i++) {
            query.get();
        }
        long[] nanos = new long[runs];
        double results = 0;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            results += query.get().doubleValue();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("%-55s %7.2f  %7.2f  %10.0f%n", name, nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, results / runs);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    @FunctionalInterface
    private interface Loader<T> {
        void load(T item) throws Exception;
    }
}
