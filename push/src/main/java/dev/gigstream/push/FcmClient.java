package dev.gigstream.push;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.gigstream.push.PushResult.DeviceGone;
import dev.gigstream.push.PushResult.Rejected;
import dev.gigstream.push.PushResult.RetryLater;
import dev.gigstream.push.PushResult.Sent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A typed client of Firebase Cloud Messaging's HTTP v1 API ({@code POST v1/projects/{project}/messages:send}).
 * {@link #send} makes ONE attempt and never retries by itself: the caller reschedules a
 * {@link RetryLater} so that one slow or failing delivery never holds the others up; every call,
 * to FCM and to the token endpoint, has the configured timeouts. The only second request is after
 * FCM answers 401 to an access token it no longer accepts: the token is fetched afresh once and that
 * one request sent again.
 * <p>
 * The OAuth2 access token comes from Google's auth library, which signs the service account's JWT
 * assertion, posts it to the JSON's {@code token_uri} and keeps the token until shortly before it
 * expires, so most sends ask only FCM. Neither the token nor the private key ever appears in a log
 * line, a result or an exception message. The library signs the assertion for Google's audience
 * ({@code https://oauth2.googleapis.com/token}) and posts it to {@code token_uri}, so a stand-in's
 * {@code token_uri} needs no override. One client serves any number of threads.
 */
public final class FcmClient {

    private static final Logger log = LoggerFactory.getLogger(FcmClient.class);

    /** FCM's JSON, as sent and as answered. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The OAuth2 scope that allows sending through FCM. */
    public static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    /** The detail of an error answer that carries FCM's own error code. */
    static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    /** The detail of an error answer that names the fields at fault. */
    static final String BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";

    /** A project id, plain ({@code gigstream-prod}) or domain-scoped ({@code example.com:gigstream}). */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9.:-]*");

    private final FcmSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final GoogleCredentials credentials;
    private final URI endpoint;

    /**
     * @throws IllegalArgumentException when the service account JSON is not a service account key with a
     *         {@code project_id} (the message never quotes the JSON)
     */
    public FcmClient(FcmSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that dates {@code apns-expiration} and reads a dated {@code Retry-After}; for tests. */
    FcmClient(FcmSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.endpoint = settings.baseUrl().resolve("v1/projects/" + projectId(settings.serviceAccountJson())
                + "/messages:send");
        this.credentials = credentials(settings.serviceAccountJson(), new JdkTransport(http, settings.requestTimeout()));
    }

    /** Sends {@code message} once; see {@link PushResult} for what the caller does with each answer. */
    public PushResult send(PushMessage message) {
        PushResult result = attempt(JSON.writeValueAsBytes(body(message)), false);
        if (result instanceof Sent sent) {
            log.debug("FCM accepted message {}", sent.messageId());
        } else if (result instanceof DeviceGone gone) {
            log.info("FCM no longer reaches the device ({})", gone.errorCode());
        } else if (result instanceof RetryLater later) {
            log.warn("FCM push to retry later: {}", later.reason());
        } else if (result instanceof Rejected rejected) {
            log.warn("FCM push rejected: {}", rejected.reason());
        }
        return result;
    }

    private PushResult attempt(byte[] body, boolean refreshed) {
        String authorization;
        try {
            authorization = authorization(refreshed);
        } catch (IOException e) {
            return tokenFailure(e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new RetryLater("FCM did not answer in time (" + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (IOException e) {
            return new RetryLater("FCM could not be reached (" + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RetryLater("interrupted while sending to FCM", Optional.empty());
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status / 100 == 2) {
            String name = answer.path("name").asString("");
            return name.isBlank() ? new Rejected("FCM answered HTTP " + status + " without a message name")
                    : new Sent(name);
        }
        FcmError error = FcmError.of(answer);
        // THIRD_PARTY_AUTH_ERROR is Apple's or the web push service's refusal: a fresh Google token cannot help
        if (status == 401 && !refreshed && !"THIRD_PARTY_AUTH_ERROR".equals(error.errorCode())) {
            return attempt(body, true);
        }
        return outcome(status, error, retryAfter(response));
    }

    private static PushResult outcome(int status, FcmError error, Optional<Duration> retryAfter) {
        String code = error.errorCode() != null ? error.errorCode() : error.status();
        String reason = "FCM answered HTTP " + status + (code == null ? "" : " " + code)
                + (error.message() == null ? "" : ": " + error.message());
        if ("UNREGISTERED".equals(code)) {
            return new DeviceGone(code);
        }
        if ("INVALID_ARGUMENT".equals(code) && error.aboutToken()) {
            return new DeviceGone(code);
        }
        if (status == 408 || status == 429 || status >= 500
                || "QUOTA_EXCEEDED".equals(code) || "UNAVAILABLE".equals(code) || "INTERNAL".equals(code)) {
            return new RetryLater(reason, retryAfter);
        }
        return new Rejected(reason);
    }

    /** The {@code Authorization} header: the cached access token, or a fresh one when it (nearly) expired or {@code fresh}. */
    private String authorization(boolean fresh) throws IOException {
        if (fresh) {
            credentials.refresh();
        }
        Map<String, List<String>> metadata = credentials.getRequestMetadata(endpoint);
        List<String> values = metadata.get("Authorization");
        if (values == null || values.isEmpty()) {
            throw new IOException("Google's auth library gave no Authorization header");
        }
        return values.get(0);
    }

    /** No access token: the token endpoint's HTTP status decides, never its text (which may quote the request). */
    private static PushResult tokenFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpResponseException refusal) {
                int status = refusal.getStatusCode();
                String reason = "the OAuth2 token endpoint answered HTTP " + status;
                return status >= 500 || status == 429 || status == 408
                        ? new RetryLater(reason, Optional.empty())
                        : new Rejected(reason + ": it refused the service account");
            }
        }
        return new RetryLater("no access token: the OAuth2 token endpoint could not be asked ("
                + e.getClass().getSimpleName() + ")", Optional.empty());
    }

    /** FCM v1's message: notification, data, and the Android and APNs priority and lifespan. */
    private ObjectNode body(PushMessage message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode fields = root.putObject("message");
        fields.put("token", message.token());
        ObjectNode notification = fields.putObject("notification");
        if (message.title() != null) {
            notification.put("title", message.title());
        }
        if (message.body() != null) {
            notification.put("body", message.body());
        }
        if (!message.data().isEmpty()) {
            ObjectNode data = fields.putObject("data");
            new TreeMap<>(message.data()).forEach(data::put);
        }
        long seconds = message.timeToLive().toSeconds();
        ObjectNode android = fields.putObject("android");
        android.put("priority", message.urgent() ? "HIGH" : "NORMAL");
        android.put("ttl", seconds + "s");
        ObjectNode apns = fields.putObject("apns").putObject("headers");
        apns.put("apns-priority", message.urgent() ? "10" : "5");
        // APNs: the epoch second after which the message is dropped; 0 means deliver now or never
        apns.put("apns-expiration", seconds == 0 ? "0" : String.valueOf(clock.instant().getEpochSecond() + seconds));
        return root;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 10) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    private static GoogleCredentials credentials(String json, JdkTransport transport) {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            ServiceAccountCredentials account = ServiceAccountCredentials.fromStream(in, () -> transport);
            // one attempt per send: the library's own retries of the token endpoint would hold the caller up
            return ((ServiceAccountCredentials) account.createScoped(List.of(SCOPE))).createWithCustomRetryStrategy(false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the Firebase service account JSON is not a usable service account key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String projectId(String json) {
        String projectId;
        try {
            projectId = JSON.readTree(json).path("project_id").asString("");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the Firebase service account is not JSON");
        }
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw new IllegalArgumentException("the Firebase service account JSON names no valid project_id");
        }
        return projectId;
    }

    /**
     * The parts of FCM's error answer {@code {"error":{"code","message","status","details":[…]}}} this
     * client decides by: the gRPC status, FCM's own error code and whether the token was the field at fault.
     */
    private record FcmError(String status, String errorCode, String message, boolean aboutToken) {

        static FcmError of(JsonNode answer) {
            JsonNode error = answer.path("error");
            String errorCode = null;
            boolean aboutToken = false;
            for (JsonNode detail : error.path("details")) {
                String type = detail.path("@type").asString("");
                if (type.equals(FCM_ERROR) && !detail.path("errorCode").asString("").isEmpty()) {
                    errorCode = detail.path("errorCode").asString();
                }
                if (type.equals(BAD_REQUEST)) {
                    for (JsonNode violation : detail.path("fieldViolations")) {
                        aboutToken |= violation.path("field").asString("").equals("message.token");
                    }
                }
            }
            String message = error.path("message").asString(null);
            aboutToken |= message != null && message.toLowerCase(Locale.ROOT).contains("registration token");
            return new FcmError(error.path("status").asString(null), errorCode, message, aboutToken);
        }
    }
}
