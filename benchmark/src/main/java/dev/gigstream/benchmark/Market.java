package dev.gigstream.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request bodies of the marketplace, as the api module's end-to-end tests send them
 * ({@code testsupport/Marketplace}): the site in Lagos, baristas available all week, NGN pay.
 */
final class Market {

    static final Map<String, Double> SITE = Map.of("lat", 6.4541, "lng", 3.3947);
    /** Far from every worker of the benchmark, so jobs posted only to be counted offer nothing to anyone. */
    static final Map<String, Double> FAR_SITE = Map.of("lat", 9.0765, "lng", 7.3986);
    static final long PAY = 1_500_000;

    private Market() {
    }

    /** A job at the site needing a barista, its shift starting after {@code startIn} and lasting eight hours. */
    static Map<String, Object> job(Duration startIn) {
        return job(startIn, "barista", SITE);
    }

    /** A job nobody is matched to: a skill no benchmark worker has, far from their homes. */
    static Map<String, Object> unmatchedJob() {
        return job(Duration.ofDays(2), "forklift driver", FAR_SITE);
    }

    private static Map<String, Object> job(Duration startIn, String skill, Map<String, Double> site) {
        Instant start = Instant.now().plus(startIn);
        return Map.of("title", "Barista for a launch", "description", "Espresso bar",
                "requiredSkills", List.of(skill),
                "location", Map.of("lat", site.get("lat"), "lng", site.get("lng"), "address", "1 Marina, Lagos"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", PAY, "currency", "NGN"));
    }

    /** A barista's profile: home at the site, available all day every day, a payout account of their own. */
    static Map<String, Object> workerProfile() {
        String account = String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        return Map.of("skills", List.of("barista"), "home", SITE,
                "availability", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .stream().map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList(),
                "payout", Map.of("bankCode", "058", "accountNumber", account, "accountName", "Ada Obi"));
    }

    static Map<String, Object> at(Map<String, Double> site) {
        return Map.of("location", site);
    }

    /** A worker with a profile, ready to apply. */
    static Api.User worker(Api api) {
        Api.User worker = api.signUp("WORKER");
        api.send("PUT", "/api/v1/workers/me/profile", workerProfile(), worker.token(), Map.of(), null)
                .expect(200, "worker profile");
        return worker;
    }
}
