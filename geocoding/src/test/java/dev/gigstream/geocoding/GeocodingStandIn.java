package dev.gigstream.geocoding;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that answers like Google's Geocoding API ({@code GET /maps/api/geocode/json}):
 * it checks the {@code key} parameter (missing or wrong: REQUEST_DENIED), answers OK for the
 * addresses a test registered with {@link #knows} (the first whose fragment the address contains,
 * ignoring case, within the {@code components=country:XX} filter) and ZERO_RESULTS for others, and
 * can be told to answer a status, fail with an HTTP status or stall for the next requests. Every
 * request is recorded for assertions.
 */
public final class GeocodingStandIn implements AutoCloseable {

    /** One request: its path and its decoded query parameters. */
    public record Request(String path, Map<String, String> query) {

        public String address() {
            return query.get("address");
        }

        public String components() {
            return query.get("components");
        }

        public String key() {
            return query.get("key");
        }
    }

    private record Place(String country, String fragment, double lat, double lng, String formattedAddress) {
    }

    private static final String PATH = "/maps/api/geocode/json";

    private final HttpServer server;
    private final String apiKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Place> places = new CopyOnWriteArrayList<>();
    private final AtomicInteger statusesLeft = new AtomicInteger();
    private volatile String forcedStatus = "UNKNOWN_ERROR";
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Duration stall = Duration.ZERO;
    private final AtomicInteger placeIds = new AtomicInteger();

    public GeocodingStandIn(String apiKey) {
        this.apiKey = apiKey;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure the client with (it asks {@code maps/api/geocode/json} under it). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Addresses containing {@code addressContains} (ignoring case), in any country, are found here. */
    public GeocodingStandIn knows(String addressContains, double lat, double lng, String formattedAddress) {
        return knows(null, addressContains, lat, lng, formattedAddress);
    }

    /** Addresses containing {@code addressContains} (ignoring case) are found here, but only when asked within {@code countryCode}. */
    public GeocodingStandIn knows(String countryCode, String addressContains, double lat, double lng,
                                  String formattedAddress) {
        places.add(new Place(countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT),
                addressContains.toLowerCase(Locale.ROOT), lat, lng, formattedAddress));
        return this;
    }

    /**
     * The next {@code count} requests answer HTTP 200 with this Geocoding status (OVER_QUERY_LIMIT,
     * REQUEST_DENIED, INVALID_REQUEST, UNKNOWN_ERROR, ZERO_RESULTS…) and Google's error_message for it.
     */
    public void answerNext(int count, String status) {
        forcedStatus = status;
        statusesLeft.set(count);
    }

    /** The next {@code count} requests answer this HTTP status (e.g. 503) with an HTML error page. */
    public void failNext(int count, int httpStatus) {
        failureStatus = httpStatus;
        failuresLeft.set(count);
    }

    /** The next {@code count} requests are answered only after {@code delay}. */
    public void stallNext(int count, Duration delay) {
        stall = delay;
        stallsLeft.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(path, query));
            if (stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                holdBack(stall);
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, failureStatus, "text/html; charset=UTF-8",
                        "<html><body>Error " + failureStatus + "</body></html>");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") || !path.equals(PATH)) {
                answer(exchange, 404, "text/html; charset=UTF-8", "<html><body>Error 404 (Not Found)</body></html>");
                return;
            }
            if (statusesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, refusal(forcedStatus));
                return;
            }
            String key = query.get("key");
            if (key == null || key.isEmpty()) {
                answer(exchange, refusal("REQUEST_DENIED",
                        "You must use an API key to authenticate each request to Google Maps Platform APIs."));
                return;
            }
            if (!key.equals(apiKey)) {
                answer(exchange, refusal("REQUEST_DENIED", "The provided API key is invalid. "));
                return;
            }
            String address = query.get("address");
            if (address == null || address.isBlank()) {
                answer(exchange, refusal("INVALID_REQUEST",
                        "Invalid request. Missing the 'address', 'components', 'latlng' or 'place_id' parameter."));
                return;
            }
            String country = country(query.get("components"));
            String wanted = address.toLowerCase(Locale.ROOT);
            Place place = places.stream()
                    .filter(p -> wanted.contains(p.fragment()))
                    .filter(p -> p.country() == null || country == null || p.country().equals(country))
                    .findFirst().orElse(null);
            if (place == null) {
                ObjectNode none = GeocodingClient.JSON.createObjectNode();
                none.putArray("results");
                none.put("status", "ZERO_RESULTS");
                answer(exchange, none);
            } else {
                answer(exchange, found(place));
            }
        }
    }

    /** Google's OK answer: one result with its geometry, place id and types. */
    private ObjectNode found(Place place) {
        ObjectNode body = GeocodingClient.JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        ObjectNode result = results.addObject();
        result.putArray("address_components");
        result.put("formatted_address", place.formattedAddress());
        ObjectNode geometry = result.putObject("geometry");
        geometry.putObject("location").put("lat", place.lat()).put("lng", place.lng());
        geometry.put("location_type", "ROOFTOP");
        ObjectNode viewport = geometry.putObject("viewport");
        viewport.putObject("northeast").put("lat", place.lat() + 0.0013).put("lng", place.lng() + 0.0013);
        viewport.putObject("southwest").put("lat", place.lat() - 0.0013).put("lng", place.lng() - 0.0013);
        result.put("place_id", "ChIJstandin" + placeIds.incrementAndGet());
        result.putArray("types").add("street_address");
        body.put("status", "OK");
        return body;
    }

    private static ObjectNode refusal(String status) {
        return switch (status) {
            case "OVER_QUERY_LIMIT" -> refusal(status, "You have exceeded your rate-limit for this API.");
            case "OVER_DAILY_LIMIT" -> refusal(status, "You have exceeded your daily request quota for this API.");
            case "REQUEST_DENIED" -> refusal(status, "This API project is not authorized to use this API.");
            case "INVALID_REQUEST" -> refusal(status, "Invalid request. Invalid 'components' parameter.");
            case "UNKNOWN_ERROR" -> refusal(status, "An unknown error occurred. Please try again.");
            default -> refusal(status, null);
        };
    }

    /** Google's answer without results: {@code error_message} (when given), empty {@code results} and the status. */
    private static ObjectNode refusal(String status, String errorMessage) {
        ObjectNode body = GeocodingClient.JSON.createObjectNode();
        if (errorMessage != null) {
            body.put("error_message", errorMessage);
        }
        body.putArray("results");
        body.put("status", status);
        return body;
    }

    /** The XX of a {@code country:XX} component filter (filters are separated by |), or null. */
    private static String country(String components) {
        if (components == null) {
            return null;
        }
        for (String component : components.split("\\|")) {
            if (component.toLowerCase(Locale.ROOT).startsWith("country:")) {
                return component.substring("country:".length()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void answer(HttpExchange exchange, ObjectNode body) throws IOException {
        answer(exchange, 200, "application/json; charset=UTF-8", GeocodingClient.JSON.writeValueAsString(body));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Holds a stalled answer back for {@code duration}, or until the stand-in closes, whichever comes first. */
    private void holdBack(Duration duration) {
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
