package dev.gigstream.api.testsupport;

import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/** A STOMP client over a real WebSocket, connected as one user, collecting what it is pushed. */
public final class StompUser implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketStompClient client;
    private final StompSession session;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> error;

    private StompUser(WebSocketStompClient client, StompSession session, CompletableFuture<String> error) {
        this.client = client;
        this.session = session;
        this.error = error;
    }

    /** Connects with {@code Authorization: Bearer <token>} (none when {@code token} is null). */
    public static StompUser connect(int port, String token) throws Exception {
        WebSocketStompClient client = client();
        CompletableFuture<String> error = new CompletableFuture<>();
        try {
            StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                    new WebSocketHttpHeaders(), connectHeaders(token), errorCatcher(error))
                    .get(5, TimeUnit.SECONDS);
            return new StompUser(client, session, error);
        } catch (Exception e) {
            client.stop();
            throw e;
        }
    }

    /** The {@code message} of the ERROR frame that refuses a CONNECT with {@code token}; fails if it is accepted. */
    public static String refusal(int port, String token) throws Exception {
        WebSocketStompClient client = client();
        CompletableFuture<String> refused = new CompletableFuture<>();
        try {
            client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocketHttpHeaders(),
                    connectHeaders(token), errorCatcher(refused))
                    .thenAccept(session -> refused.completeExceptionally(new AssertionError("the CONNECT was accepted")));
            return refused.get(5, TimeUnit.SECONDS);
        } finally {
            client.stop();
        }
    }

    /** Completes with the {@code message} of an ERROR frame the server sends. */
    private static StompSessionHandlerAdapter errorCatcher(CompletableFuture<String> error) {
        return new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                error.complete(headers.getFirst("message"));
            }
        };
    }

    private static WebSocketStompClient client() {
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.initialize();
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setTaskScheduler(heartbeats);
        return client;
    }

    private static StompHeaders connectHeaders(String token) {
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        return connect;
    }

    public StompUser subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(JSON.readTree((byte[]) payload));
            }
        });
        return this;
    }

    public StompUser subscribeToNotifications() {
        return subscribe("/user/queue/notifications");
    }

    /**
     * Waits until the server has registered {@code userId}'s subscription to their notifications, so what is
     * pushed from now on reaches this client (STOMP's SUBSCRIBE has no answer to wait for).
     */
    public static void awaitSubscribed(SimpUserRegistry users, String userId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !users.findSubscriptions(subscription ->
                "/user/queue/notifications".equals(subscription.getDestination())
                        && userId.equals(subscription.getSession().getUser().getName())).isEmpty());
    }

    /** The next notification of {@code type} pushed (others are passed over), or null after {@code millis}. */
    public JsonNode nextOfType(String type, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        for (JsonNode next = next(millis); next != null; next = next(Math.max(1, until - System.currentTimeMillis()))) {
            if (type.equals(next.get("type").asText())) {
                return next;
            }
        }
        return null;
    }

    /** The next notification pushed, or null after {@code millis}. */
    public JsonNode next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    public boolean connected() {
        return session.isConnected();
    }

    /** The {@code message} of the ERROR frame by which the server ended this session; fails if it did not within 5 s. */
    public String closedWith() throws Exception {
        String message;
        try {
            message = error.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server sent no ERROR frame within 5 s; the session is "
                    + (session.isConnected() ? "still open" : "closed"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !session.isConnected());
        return message;
    }

    /** Whether the server sent an ERROR frame (and so ended the session). */
    public boolean refused() {
        return error.isDone();
    }

    /**
     * Presents a fresh access token on this session ({@code SEND /app/token} with
     * {@code Authorization: Bearer}) and waits for the server's RECEIPT.
     */
    public void reauthenticate(String token) throws Exception {
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompHeaders send = new StompHeaders();
        send.setDestination("/app/token");
        send.add("Authorization", "Bearer " + token);
        send.setReceipt("reauthenticate-" + System.nanoTime());
        StompSession.Receiptable sent = session.send(send, new byte[0]);
        sent.addReceiptTask(() -> receipt.complete(null));
        sent.addReceiptLostTask(() -> receipt.completeExceptionally(new AssertionError("no RECEIPT for the new token")));
        receipt.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }
}
