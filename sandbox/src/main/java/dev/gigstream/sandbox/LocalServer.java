package dev.gigstream.sandbox;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import java.net.URI;

/**
 * Where this app's own web server listens, known once it started (tests take a random port): the
 * sandbox's Paystack API and the app's webhook endpoint are both reached through it on the loopback.
 */
public class LocalServer implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    public LocalServer() {
    }

    /** A server known to listen on {@code port} already. */
    LocalServer(int port) {
        this.port = port;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // the app's server, not a management one
            port = event.getWebServer().getPort();
        }
    }

    public boolean started() {
        return port > 0;
    }

    /** {@code http://127.0.0.1:<port>/}; refused before the server started. */
    public URI baseUrl() {
        if (port <= 0) {
            throw new IllegalStateException("the web server has not started yet");
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The base URL the {@code PaystackClient} uses in sandbox mode. */
    public URI paystackApi() {
        return baseUrl().resolve("sandbox/paystack/");
    }

    public URI webhookEndpoint() {
        return baseUrl().resolve("api/v1/webhooks/paystack");
    }
}
