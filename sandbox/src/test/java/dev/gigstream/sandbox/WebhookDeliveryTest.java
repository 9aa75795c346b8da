package dev.gigstream.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's webhooks reach the app's endpoint signed over their exact bytes, and are tried again until answered 2xx. */
class WebhookDeliveryTest {

    private static final String KEY = "sk_test_sandbox_unit";

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final HttpServer app;

    WebhookDeliveryTest() throws IOException {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/api/v1/webhooks/paystack", exchange -> {
            try (exchange) {
                bodies.add(exchange.getRequestBody().readAllBytes());
                signatures.add(exchange.getRequestHeaders().getFirst("x-paystack-signature"));
                exchange.sendResponseHeaders(refusalsLeft.getAndDecrement() > 0 ? 503 : 200, -1);
            }
        });
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop(0);
        scheduler.shutdownNow();
    }

    @Test
    void aDeliveryIsSignedOverItsExactBodyAndRetriedAfterAFailure() throws Exception {
        refusalsLeft.set(1);
        WebhookDelivery delivery = new WebhookDelivery(new LocalServer(app.getAddress().getPort()),
                new WebhookSignature(KEY), scheduler);

        boolean delivered = delivery.deliver("transfer.success", PaystackShapes.object().put("reference", "gs-pay-1"))
                .get(10, TimeUnit.SECONDS);

        assertThat(delivered).isTrue();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        assertThat(new WebhookSignature(KEY).isValid(bodies.get(1), signatures.get(1))).isTrue();
        var event = PaystackClient.JSON.readTree(bodies.get(1));
        assertThat(event.get("event").asString()).isEqualTo("transfer.success");
        assertThat(event.at("/data/reference").asString()).isEqualTo("gs-pay-1");
    }
}
