package dev.gigstream.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that answers like Firebase Cloud Messaging's HTTP v1 API
 * ({@code POST /v1/projects/{project}/messages:send}) and like Google's OAuth2 token endpoint
 * ({@code POST /token}, the JWT bearer grant). It has its own RSA key pair and hands out a service
 * account JSON ({@link #serviceAccountJson()}) whose {@code token_uri} points at it; the token endpoint
 * verifies the assertion's signature with the public key, its issuer, audience (Google's token endpoint,
 * {@code https://oauth2.googleapis.com/token}, wherever the assertion is posted), scope and expiry, and
 * issues access tokens that the send endpoint then requires (401 UNAUTHENTICATED otherwise).
 * <p>
 * Tests register tokens FCM no longer knows ({@link #unregistered}) or never accepted ({@link #invalid}),
 * make the next sends fail ({@link #failNext}) or stall ({@link #stallNext}), take the whole service
 * down ({@link #down()}), shorten the tokens' lifetime or revoke them. Accepted messages are recorded
 * for assertions ({@link #sent()}).
 */
public final class FcmStandIn implements AutoCloseable {

    /** One accepted message: its fields, the request's HTTP headers (lower-case names) and its whole JSON body. */
    public record Message(String token, String title, String body, Map<String, String> data,
                          Map<String, String> headers, JsonNode json) {
    }

    public static final String PROJECT_ID = "gigstream-standin";
    private static final String CLIENT_EMAIL = "fcm-sender@" + PROJECT_ID + ".iam.gserviceaccount.com";
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String SEND_PATH = "/v1/projects/" + PROJECT_ID + "/messages:send";
    private static final Set<String> PRIORITIES = Set.of("NORMAL", "HIGH");

    private final HttpServer server;
    private final KeyPair keys;
    private final String privateKeyId;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong(4_000_000_000_000_000L);
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Failure failure;
    private volatile Duration stall = Duration.ZERO;
    private volatile Duration tokenLifetime = Duration.ofSeconds(3599);
    private volatile boolean down;

    private record Failure(int httpStatus, String errorCode, Duration retryAfter) {
    }

    public FcmStandIn() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] id = new byte[20];
        random.nextBytes(id);
        privateKeyId = HexFormat.of().formatHex(id);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure the client with (it posts to {@code v1/projects/…/messages:send} under it). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The token endpoint, as the service account JSON's {@code token_uri} names it. */
    public String tokenUri() {
        return baseUrl() + "token";
    }

    /** A service account key, shaped like the JSON the Firebase console downloads, whose {@code token_uri} is this stand-in. */
    public String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode json = FcmClient.JSON.createObjectNode();
        json.put("type", "service_account");
        json.put("project_id", PROJECT_ID);
        json.put("private_key_id", privateKeyId);
        json.put("private_key", pem);
        json.put("client_email", CLIENT_EMAIL);
        json.put("client_id", "104170536478227386119");
        json.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        json.put("token_uri", tokenUri());
        json.put("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
        json.put("universe_domain", "googleapis.com");
        return FcmClient.JSON.writeValueAsString(json);
    }

    /** FCM answers 404 UNREGISTERED for this token from now on (the app was uninstalled). */
    public FcmStandIn unregistered(String token) {
        unregistered.add(token);
        return this;
    }

    /** FCM answers 400 INVALID_ARGUMENT for this token from now on (it was never a registration token). */
    public FcmStandIn invalid(String token) {
        invalid.add(token);
        return this;
    }

    /**
     * The next {@code count} sends (with a valid access token) answer {@code httpStatus} with FCM's error
     * {@code errorCode} (QUOTA_EXCEEDED with 429, UNAVAILABLE with 503, INTERNAL with 500, SENDER_ID_MISMATCH
     * with 403, UNAUTHENTICATED or THIRD_PARTY_AUTH_ERROR with 401…) and, unless null, a
     * {@code Retry-After} header of that many seconds.
     */
    public void failNext(int count, int httpStatus, String errorCode, Duration retryAfter) {
        failure = new Failure(httpStatus, errorCode, retryAfter);
        failuresLeft.set(count);
    }

    /** The next {@code count} sends are answered only after {@code delay}. */
    public void stallNext(int count, Duration delay) {
        stall = delay;
        stallsLeft.set(count);
    }

    /** Everything, sends and token requests alike, answers 503 until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** The {@code expires_in} of the access tokens issued from now on (3599 s unless changed). */
    public void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    /** Every access token issued so far is refused from now on (401), as after a key rotation. */
    public void revokeTokens() {
        accessTokens.clear();
    }

    public List<Message> sent() {
        return List.copyOf(sent);
    }

    /** How many token requests came, granted or not. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** How many send requests came, accepted or not. */
    public int sendRequests() {
        return sendRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean token = path.equals("/token");
            (token ? tokenRequests : sendRequests).incrementAndGet();
            if (down) {
                answer(exchange, 503, error(503, "The service is currently unavailable.", "UNAVAILABLE", null), null);
            } else if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, error(405, "Method not allowed.", null, null), null);
            } else if (token) {
                token(exchange, new String(body, StandardCharsets.UTF_8));
            } else if (path.equals(SEND_PATH)) {
                send(exchange, body);
            } else {
                answer(exchange, 404, error(404, "Requested entity was not found.", null, null), null);
            }
        }
    }

    /** Google's token endpoint for the JWT bearer grant (RFC 7523). */
    private void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = form(form);
        if (!JWT_BEARER.equals(fields.get("grant_type"))) {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type: "
                    + fields.get("grant_type") + "\"}", null);
            return;
        }
        String problem = assertionProblem(fields.get("assertion"));
        if (problem != null) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}", null);
            return;
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String accessToken = "ya29.standin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Duration lifetime = tokenLifetime;
        accessTokens.put(accessToken, Instant.now().plus(lifetime));
        ObjectNode answer = FcmClient.JSON.createObjectNode();
        answer.put("access_token", accessToken);
        answer.put("expires_in", lifetime.toSeconds());
        answer.put("token_type", "Bearer");
        answer(exchange, 200, FcmClient.JSON.writeValueAsString(answer), null);
    }

    /** Why the JWT assertion is refused, or null when it is signed by this stand-in's key and asks for FCM. */
    private String assertionProblem(String assertion) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            return "Invalid JWT: the assertion is not a signed JWT.";
        }
        try {
            JsonNode header = FcmClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = FcmClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!"RS256".equals(header.path("alg").asString("")) || !signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "Invalid JWT Signature.";
            }
            long now = Instant.now().getEpochSecond();
            if (!CLIENT_EMAIL.equals(claims.path("iss").asString(""))) {
                return "Invalid JWT: unknown issuer.";
            }
            // Google's audience whatever token_uri the assertion is posted to, as Google's library signs it
            if (!GOOGLE_TOKEN_AUDIENCE.equals(claims.path("aud").asString(""))) {
                return "Invalid JWT: audience must be " + GOOGLE_TOKEN_AUDIENCE;
            }
            if (!Arrays.asList(claims.path("scope").asString("").split(" ")).contains(FcmClient.SCOPE)) {
                return "Invalid JWT: the scope does not allow Firebase Cloud Messaging.";
            }
            if (claims.path("exp").asLong(0) <= now || claims.path("iat").asLong(Long.MAX_VALUE) > now + 300) {
                return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.";
            }
            return null;
        } catch (IllegalArgumentException | JacksonException | GeneralSecurityException e) {
            return "Invalid JWT: it cannot be read.";
        }
    }

    private void send(HttpExchange exchange, byte[] body) throws IOException {
        if (stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            holdBack(stall);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String accessToken = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : "";
        Instant expiry = accessTokens.get(accessToken);
        if (expiry == null || !Instant.now().isBefore(expiry)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
            answer(exchange, 401, error(401, "Request had invalid authentication credentials. Expected OAuth 2 access "
                    + "token, login cookie or other valid authentication credential.", null, null), null);
            return;
        }
        Failure next = failure;
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, next.httpStatus(), error(next.httpStatus(), failureMessage(next.errorCode()),
                    next.errorCode(), null), next.retryAfter());
            return;
        }
        JsonNode message;
        try {
            message = FcmClient.JSON.readTree(body).path("message");
        } catch (JacksonException e) {
            answer(exchange, 400, error(400, "Invalid JSON payload received.", "INVALID_ARGUMENT", null), null);
            return;
        }
        String token = message.path("token").asString("");
        String priority = message.path("android").path("priority").asString("NORMAL");
        if (!PRIORITIES.contains(priority)) {
            answer(exchange, 400, error(400, "Invalid value at 'message.android.priority'", "INVALID_ARGUMENT",
                    "message.android.priority"), null);
        } else if (token.isEmpty() || invalid.contains(token)) {
            // FCM names the token in the message only, with no BadRequest detail
            answer(exchange, 400, error(400, "The registration token is not a valid FCM registration token",
                    "INVALID_ARGUMENT", null), null);
        } else if (unregistered.contains(token)) {
            answer(exchange, 404, error(404, "Requested entity was not found.", "UNREGISTERED", null), null);
        } else {
            Map<String, String> data = new LinkedHashMap<>();
            message.path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            JsonNode notification = message.path("notification");
            sent.add(new Message(token, notification.path("title").asString(null), notification.path("body").asString(null),
                    Map.copyOf(data), Map.copyOf(headers), FcmClient.JSON.readTree(body)));
            answer(exchange, 200, "{\"name\":\"projects/" + PROJECT_ID + "/messages/0:" + messageIds.incrementAndGet()
                    + "%" + privateKeyId.substring(0, 16) + "\"}", null);
        }
    }

    private static String failureMessage(String errorCode) {
        return switch (errorCode == null ? "" : errorCode) {
            case "QUOTA_EXCEEDED" -> "Quota exceeded for quota metric 'Send requests' of service 'fcm.googleapis.com'.";
            case "UNAVAILABLE" -> "The service is currently unavailable.";
            case "INTERNAL" -> "Internal error encountered.";
            case "INVALID_ARGUMENT" -> "Request contains an invalid argument.";
            case "SENDER_ID_MISMATCH" -> "SenderId mismatch";
            case "THIRD_PARTY_AUTH_ERROR" -> "Auth error from APNS or Web Push Service";
            default -> "Request failed.";
        };
    }

    /**
     * Google's error answer: the HTTP code, its gRPC status, the message, FCM's error code as an
     * {@code FcmError} detail (unless null) and the field at fault as a {@code BadRequest} detail (unless null).
     */
    private static String error(int httpStatus, String message, String errorCode, String field) {
        ObjectNode body = FcmClient.JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", httpStatus);
        error.put("message", message);
        error.put("status", switch (httpStatus) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 408 -> "DEADLINE_EXCEEDED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> httpStatus >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        });
        if (errorCode != null && !errorCode.equals("UNAUTHENTICATED")) {
            error.putArray("details").addObject().put("@type", FcmClient.FCM_ERROR).put("errorCode", errorCode);
        }
        if (field != null) {
            ObjectNode badRequest = error.withArray("details").addObject();
            badRequest.put("@type", FcmClient.BAD_REQUEST);
            badRequest.putArray("fieldViolations").addObject().put("field", field).put("description", message);
        }
        return FcmClient.JSON.writeValueAsString(body);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, String json, Duration retryAfter) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter.toSeconds()));
        }
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
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        server.stop(0);
    }
}
