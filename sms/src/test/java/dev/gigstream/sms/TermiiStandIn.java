package dev.gigstream.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that answers like Termii's Messaging API ({@code POST /api/sms/send}): it
 * checks {@code api_key} (missing or wrong: 401), refuses a number a test registered with
 * {@link #reject} (400 with Termii's error JSON), and otherwise answers
 * {@code {"message_id", "message": "Successfully Sent", "balance", "user"}} and records the text. It
 * can fail the next requests with an HTTP status, be {@link #down()} (503 to everything) and stall
 * the next answer: a stalled text is recorded as sent before the stall, as Termii would have taken
 * it. {@link #deliveryReport} builds the body Termii would post to the app's webhook for a text it
 * took, and {@link #signature} its {@code X-Termii-Signature}.
 */
public final class TermiiStandIn implements AutoCloseable {

    /** One text Termii took, as it was posted. */
    public record SentText(String to, String from, String sms, String channel, String type, String messageId) {
    }

    private static final String PATH = "/api/sms/send";
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final HttpServer server;
    private final String apiKey;
    private final Clock clock;
    private final List<SentText> sent = new CopyOnWriteArrayList<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final Map<String, String> rejections = new ConcurrentHashMap<>();
    private final Map<String, String> sentAt = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong(3017662654170730934L);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int failureStatus = 503;
    private volatile Duration failureRetryAfter;
    private volatile Duration stall = Duration.ZERO;
    private volatile boolean down;
    private volatile double balance = 16_606.46;

    public TermiiStandIn(String apiKey) {
        this(apiKey, Clock.systemUTC());
    }

    /** @param clock what a delivery report's {@code sent_at} is read from */
    public TermiiStandIn(String apiKey, Clock clock) {
        this.apiKey = apiKey;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure the client with (it posts to {@code api/sms/send} under it). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The texts Termii took, in order. */
    public List<SentText> sent() {
        return List.copyOf(sent);
    }

    /** Every request body received, taken or not, exactly as posted. */
    public List<String> requestBodies() {
        return List.copyOf(requestBodies);
    }

    /** The next {@code count} requests answer {@code httpStatus} with Termii's error JSON, and take nothing. */
    public void failNext(int count, int httpStatus) {
        failNext(count, httpStatus, null);
    }

    /** As {@link #failNext(int, int)}, with a {@code Retry-After} header of {@code retryAfter} (whole seconds). */
    public void failNext(int count, int httpStatus, Duration retryAfter) {
        failureStatus = httpStatus;
        failureRetryAfter = retryAfter;
        failuresLeft.set(count);
    }

    /** Every request answers 503 until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** The next request is taken (recorded in {@link #sent()}) but answered only after {@code delay}. */
    public void stallNext(Duration delay) {
        stall = delay;
        stallsLeft.set(1);
    }

    /** Texts to {@code number} (E.164 or Termii's digits) are refused with 400 and this message. */
    public void reject(String number, String message) {
        rejections.put(number.startsWith("+") ? number.substring(1) : number, message);
    }

    /**
     * The exact body Termii would post to the webhook about the text {@code messageId}, with this
     * {@code status} text (e.g. "Delivered", "DND Active on Phone Number", "Message Failed").
     *
     * @throws IllegalArgumentException when Termii took no text with that id
     */
    public byte[] deliveryReport(String messageId, String status) {
        SentText text = sent.stream().filter(s -> s.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no text was sent with message_id " + messageId));
        ObjectNode report = TermiiClient.JSON.createObjectNode();
        report.put("type", "outbound");
        report.put("id", "evt_" + messageId);
        report.put("message_id", messageId);
        report.put("receiver", text.to());
        report.put("sender", text.from());
        report.put("message", text.sms());
        report.put("sent_at", sentAt.get(messageId));
        report.put("cost", "4.5");
        report.put("status", status);
        report.put("channel", text.channel());
        return TermiiClient.JSON.writeValueAsBytes(report);
    }

    /** The {@code X-Termii-Signature} Termii sends with {@code body} for an account with {@code secret}. */
    public static String signature(byte[] body, String secret) {
        return TermiiDeliveryReports.sign(body, secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(raw);
            if (down) {
                answer(exchange, 503, error(503, "Service Unavailable"));
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (failureRetryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", Long.toString(failureRetryAfter.toSeconds()));
                }
                answer(exchange, failureStatus, error(failureStatus, failureStatus == 429
                        ? "Too Many Requests" : "Request failed with status " + failureStatus));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(PATH)) {
                answer(exchange, 404, error(404, "Not Found"));
                return;
            }
            JsonNode request = parse(raw);
            if (request == null || !request.isObject()) {
                answer(exchange, 400, error(400, "Invalid request body"));
                return;
            }
            if (!apiKey.equals(request.path("api_key").asText(""))) {
                answer(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String to = request.path("to").asText("");
            String rejection = rejections.get(to);
            if (rejection != null) {
                answer(exchange, 400, error(400, rejection));
                return;
            }
            String messageId = Long.toString(messageIds.incrementAndGet());
            sentAt.put(messageId, LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), LAGOS)
                    .format(SENT_AT));
            sent.add(new SentText(to, request.path("from").asText(null), request.path("sms").asText(null),
                    request.path("channel").asText(null), request.path("type").asText(null), messageId));
            if (stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                holdBack(stall);
            }
            balance -= 4.5;
            ObjectNode ok = TermiiClient.JSON.createObjectNode();
            ok.put("message_id", messageId);
            ok.put("message", "Successfully Sent");
            ok.put("balance", balance);
            ok.put("user", "Gigstream Stand-in");
            answer(exchange, 200, ok);
        }
    }

    /** Termii's error JSON: the code and a message. */
    private static ObjectNode error(int code, String message) {
        ObjectNode error = TermiiClient.JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    private static JsonNode parse(String raw) {
        try {
            return TermiiClient.JSON.readTree(raw);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = TermiiClient.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
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
