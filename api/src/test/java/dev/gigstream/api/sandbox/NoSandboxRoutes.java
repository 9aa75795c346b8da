package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What tests outside sandbox mode hold: no sandbox route exists, and the mode shows in info and health. */
final class NoSandboxRoutes {

    /** Every page, button and Paystack endpoint the sandbox serves in sandbox mode. */
    static final List<String> ROUTES = List.of(
            "GET /sandbox", "GET /sandbox/checkout/abc", "POST /sandbox/checkout/abc/pay",
            "POST /sandbox/checkout/abc/decline", "POST /sandbox/checkout/abc/chargeback",
            "POST /sandbox/checkout/abc/chargeback/declined", "POST /sandbox/checkout/abc/chargeback/merchant-accepted",
            "POST /sandbox/transfers/ref/succeed", "POST /sandbox/transfers/ref/fail",
            "POST /sandbox/subscriptions/SUB_x/renew", "POST /sandbox/subscriptions/SUB_x/fail-next-renewal",
            "POST /sandbox/paystack/transaction/initialize", "GET /sandbox/paystack/transaction/verify/ref",
            "POST /sandbox/paystack/transferrecipient", "POST /sandbox/paystack/transfer",
            "GET /sandbox/paystack/transfer/verify/ref", "POST /sandbox/paystack/refund", "POST /sandbox/paystack/plan",
            "GET /sandbox/paystack/plan/PLN_x", "GET /sandbox/paystack/subscription/SUB_x",
            "POST /sandbox/paystack/subscription/disable");

    private NoSandboxRoutes() {
    }

    static void assertAbsent(Api api) {
        for (String route : ROUTES) {
            String[] methodAndPath = route.split(" ");
            for (Map<String, String> headers : List.of(Map.<String, String>of(),
                    Map.of("Authorization", "Bearer " + FreshStores.PAYSTACK_SECRET))) {
                Api.Response answer = api.send(methodAndPath[0], methodAndPath[1], null, null, headers);
                assertThat(answer.status()).as(route + " " + headers.keySet() + ": " + answer.body()).isEqualTo(404);
                assertThat(answer.isProblem()).as(route).isTrue();
                assertThat(answer.json().get("code").asText()).as(route).isEqualTo("NOT_FOUND");
            }
        }
    }

    static void assertMode(Api api, String mode) {
        assertThat(api.get("/actuator/info", null).expect(200).json().get("payments").asText()).isEqualTo(mode);
        assertThat(api.get("/actuator/health", null).expect(200).json().at("/components/payments/description").asText())
                .as("visible to an anonymous caller").isEqualTo(mode);
    }

    /** The client cannot hire: payments are off (503 PAYMENTS_NOT_CONFIGURED), and the job stays open. */
    static void assertHireRefused(Api api) {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        var hire = api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client.accessToken());
        assertThat(hire.status()).as(hire.body()).isEqualTo(503);
        assertThat(hire.json().get("code").asText()).isEqualTo("PAYMENTS_NOT_CONFIGURED");
        assertThat(market.awaitJob(jobId, client.accessToken(), job -> true).get("status").asText()).isEqualTo("OPEN");
    }
}
