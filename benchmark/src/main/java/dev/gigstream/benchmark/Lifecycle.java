package dev.gigstream.benchmark;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Whole lifecycles as their parties take them: the client posts a job starting in 30 minutes, the
 * worker applies, the client hires, Paystack's signed charge.success arrives, the job is FUNDED, the
 * worker checks in and out at the site, the client confirms, the app asks the stand-in for the payout
 * transfer, Paystack's signed transfer.success arrives and the job is COMPLETED. Each step is timed;
 * "until ..." steps are waits, done by polling GET /api/v1/jobs/{id} every {@code pollMillis}.
 */
final class Lifecycle {

    static final List<String> STEPS = List.of("post", "apply", "hire", "payment webhook", "until FUNDED",
            "check-in", "check-out", "confirm", "until payout requested", "payout webhook", "until COMPLETED");
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    record Party(Api.User client, Api.User worker) {
    }

    /** The steps' and whole lifecycles' latencies, and how many lifecycles completed per second. */
    record Result(int clients, Map<String, Latencies> steps, Latencies total, int completed, int failed,
                  double seconds, int pollMillis) {

        double perSecond() {
            return completed / seconds;
        }
    }

    private final Api api;
    private final Paystack paystack;
    private final AtomicInteger errorsShown = new AtomicInteger();

    Lifecycle(Api api, Paystack paystack) {
        this.api = api;
        this.paystack = paystack;
    }

    /** A client and a worker with a profile for each concurrent user; a worker takes one shift after another. */
    List<Party> parties(int count) throws InterruptedException {
        List<Party> parties = java.util.Collections.synchronizedList(new ArrayList<>());
        Parallel.run(Math.min(count, 4), count, i -> parties.add(new Party(api.signUp("CLIENT"), Market.worker(api))));
        return parties;
    }

    /** Each party runs lifecycles back to back until {@code duration} has passed (at least one each). */
    Result run(List<Party> parties, Duration duration, int pollMillis) throws InterruptedException {
        Map<String, Latencies> steps = new LinkedHashMap<>();
        STEPS.forEach(step -> steps.put(step, new Latencies()));
        Latencies total = new Latencies();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        Parallel.run(parties.size(), parties.size(), i -> {
            do {
                try {
                    total.record(once(parties.get(i), steps, pollMillis, null));
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    if (errorsShown.incrementAndGet() <= 5) {
                        System.out.println("  lifecycle failed: " + e.getMessage());
                    }
                }
            } while (System.nanoTime() < deadline);
        });
        return new Result(parties.size(), steps, total, total.count(), failed.get(),
                (System.nanoTime() - started) / 1e9, pollMillis);
    }

    /** One lifecycle; returns its duration in nanoseconds. With a {@link Traffic}, counts the parties' bytes. */
    long once(Party party, Map<String, Latencies> steps, int pollMillis, Traffic traffic) {
        Api.User client = party.client();
        Api.User worker = party.worker();
        long begin = System.nanoTime();
        long at = begin;

        String jobId = call(traffic, "POST", "/api/v1/jobs", Market.job(Duration.ofMinutes(30)), client, 201)
                .json().get("jobId").asText();
        at = lap(steps, "post", at);
        call(traffic, "POST", "/api/v1/jobs/" + jobId + "/applications", null, worker, 201);
        at = lap(steps, "apply", at);
        JsonNode hire = call(traffic, "POST", "/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client, 202)
                .json();
        if (!hire.hasNonNull("authorizationUrl") || !hire.hasNonNull("escrowId")) {
            throw new IllegalStateException("hire answered without authorizationUrl/escrowId: " + hire);
        }
        at = lap(steps, "hire", at);
        String escrowId = hire.get("escrowId").asText();
        webhook(paystack.paid(hire.get("reference").asText(), hire.get("total").get("amount").asLong()));
        at = lap(steps, "payment webhook", at);
        awaitJob(traffic, jobId, client, pollMillis, job -> "FUNDED".equals(job.path("status").asText()));
        at = lap(steps, "until FUNDED", at);
        call(traffic, "POST", "/api/v1/jobs/" + jobId + "/check-in", Market.at(Market.SITE), worker, 202);
        at = lap(steps, "check-in", at);
        call(traffic, "POST", "/api/v1/jobs/" + jobId + "/check-out", Market.at(Market.SITE), worker, 202);
        at = lap(steps, "check-out", at);
        var transfer = paystack.transferFor(escrowId);
        call(traffic, "POST", "/api/v1/jobs/" + jobId + "/confirm", null, client, 202);
        at = lap(steps, "confirm", at);
        JsonNode payout;
        try {
            payout = transfer.get(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no payout transfer for escrow " + escrowId + " within " + WAIT_LIMIT, e);
        }
        at = lap(steps, "until payout requested", at);
        webhook(paystack.transferred(payout));
        at = lap(steps, "payout webhook", at);
        awaitJob(traffic, jobId, client, pollMillis, job -> "COMPLETED".equals(job.path("status").asText()));
        lap(steps, "until COMPLETED", at);
        return System.nanoTime() - begin;
    }

    private Api.Answer call(Traffic traffic, String method, String path, Object body, Api.User user, int expected) {
        return api.send(method, path, body, user.token(), Map.of(), traffic).expect(expected, method + " " + path);
    }

    private void webhook(String body) {
        api.send("POST", "/api/v1/webhooks/paystack", body, null, Map.of("x-paystack-signature", paystack.sign(body)), null)
                .expect(200, "webhook");
    }

    private void awaitJob(Traffic traffic, String jobId, Api.User user, int pollMillis, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.send("GET", "/api/v1/jobs/" + jobId, null, user.token(), Map.of(), traffic);
            if (answer.status() == 200) {
                last = answer.json();
                if (until.test(last)) {
                    return;
                }
            }
            Parallel.pause(pollMillis);
        }
        throw new IllegalStateException("job " + jobId + " did not get there within " + WAIT_LIMIT + "; last "
                + (last == null ? "not found" : last.path("status").asText()));
    }

    private static long lap(Map<String, Latencies> steps, String step, long since) {
        long now = System.nanoTime();
        steps.get(step).record(now - since);
        return now;
    }
}
