package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.FreshStores;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person or script does with the payments sandbox: press its pages' buttons, ask its Paystack API. */
final class SandboxSteps {

    static final String FAILING_ACCOUNT = "0000000000";

    private final Api api;

    SandboxSteps(Api api) {
        this.api = api;
    }

    /** The path of a checkout URL (its host is the configured public URL, not the test's random port). */
    static String path(String url) {
        return URI.create(url).getRawPath();
    }

    /** "Pay with a test card", as {@code curl -X POST <authorizationUrl>/pay} presses it. */
    Api.Response pay(String checkoutUrl) {
        Api.Response paid = press(checkoutUrl, "pay");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid;
    }

    /** Paid on the sandbox's checkout page, worked at the site and confirmed by the client: the payout is on its way. */
    void payWorkAndConfirm(Marketplace market, Marketplace.Hire shift) {
        pay(shift.answer().get("authorizationUrl").asText());
        market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> "FUNDED".equals(job.get("status").asText()));
        market.work(shift);
        market.confirm(shift);
    }

    Api.Response press(String checkoutUrl, String button) {
        return api.post(path(checkoutUrl) + "/" + button, null, null);
    }

    Api.Response paystackApi(String method, String path) {
        return api.send(method, "/sandbox/paystack/" + path, null, null,
                Map.of("Authorization", "Bearer " + FreshStores.PAYSTACK_SECRET));
    }

    JsonNode verify(String path) {
        return paystackApi("GET", path).expect(200).json();
    }

    /** The subscription code the sandbox's index lists for this e-mail address (the newest). */
    String subscriptionOf(String email) {
        String page = api.get("/sandbox", null).expect(200).body();
        var row = java.util.regex.Pattern.compile("<tr data-code=\"(SUB_[a-z0-9]+)\"><td>[^<]*</td><td>"
                + java.util.regex.Pattern.quote(email) + "</td>").matcher(page);
        assertThat(row.find()).as("a subscription of " + email + " on the sandbox's index").isTrue();
        return row.group(1);
    }

    JsonNode subscription(String code) {
        return verify("subscription/" + code).path("data");
    }

    /** The paid charges listed for this e-mail address on the sandbox's index: the first payment and each renewal. */
    long renewalCharges(String email) {
        String page = api.get("/sandbox", null).expect(200).body();
        return java.util.regex.Pattern.compile("<td>" + java.util.regex.Pattern.quote(email)
                + "</td><td class=\"state\">paid</td>").matcher(page).results().count();
    }

    List<String> flagReasons(Api.User admin, String escrowId) {
        return api.get("/api/v1/admin/escrows?flagged=true&limit=500", admin.accessToken()).expect(200).json().get("items")
                .valueStream().filter(e -> escrowId.equals(e.get("escrowId").asText()))
                .flatMap(e -> e.get("reasons").valueStream().map(JsonNode::asText)).toList();
    }

    List<String> events(Api.User admin, String aggregateId) {
        return StreamSupport.stream(api.get("/api/v1/audit/aggregates/" + aggregateId + "/events", admin.accessToken())
                .expect(200).json().spliterator(), false).map(event -> event.get("type").asText()).toList();
    }
}
