package dev.gigstream.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push phase's load generator, in a JVM of its own (one process holding both ends of 10,000
 * WebSockets would need 20,000 file descriptors): opens one STOMP session per access token read from a
 * file ({@code CONNECT} with {@code Authorization: Bearer}, then {@code SUBSCRIBE
 * /user/queue/notifications}), prints {@code READY n} once all are subscribed, and then one line per
 * {@code application.received} push, {@code PUSH <jobId> <workerId> <System.nanoTime()> <session>} (the
 * monotonic clock of the machine, which the benchmark's process reads too; the session is the token's
 * line, counted from 0). It stops on {@code STOP}
 * or when its standard input closes (the benchmark is gone), prints {@code FAILED <cause>} and exits
 * 1 on the first refused or broken session, and exits 3 after its time limit in any case.
 * Only the JDK is needed, so the benchmark starts it with its own classes as the class path.
 */
public final class PushClients {

    private static final Pattern FIELD = Pattern.compile("\"(type|jobId|workerId)\"\\s*:\\s*\"([^\"]*)\"");
    private static final int CONNECTING_AT_ONCE = 100;

    private final PrintStream out = System.out;
    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger subscribed = new AtomicInteger();
    private final CompletableFuture<Void> failed = new CompletableFuture<>();

    private PushClients() {
    }

    /** Arguments: the WebSocket URL ({@code ws://127.0.0.1:8080/ws}), the token file (one a line), the time limit in seconds. */
    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        List<String> tokens = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        long limitSeconds = Long.parseLong(args[2]);
        new Timer("push-clients-time-limit", true).schedule(new TimerTask() {
            @Override
            public void run() {
                System.out.println("FAILED the push clients' time limit of " + limitSeconds + " s passed");
                Runtime.getRuntime().halt(3);
            }
        }, TimeUnit.SECONDS.toMillis(limitSeconds));
        int exit = new PushClients().run(endpoint, tokens);
        Runtime.getRuntime().halt(exit);
    }

    private int run(URI endpoint, List<String> tokens) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        for (int index = 0; index < tokens.size(); index++) {
            while (!connecting.tryAcquire(1, TimeUnit.SECONDS)) {
                if (failed.isDone()) {
                    return fail();
                }
            }
            if (failed.isDone()) {
                return fail();
            }
            http.newWebSocketBuilder().buildAsync(endpoint, new Session(index, tokens.get(index), connecting)).whenComplete((socket, error) -> {
                if (error != null) {
                    failed.completeExceptionally(new IllegalStateException("WebSocket handshake failed: " + error, error));
                } else {
                    sockets.add(socket);
                }
            });
            if ((index + 1) % 1_000 == 0) {
                out.println("CONNECTING " + (index + 1));
            }
        }
        while (!connecting.tryAcquire(CONNECTING_AT_ONCE, 1, TimeUnit.SECONDS)) {
            if (failed.isDone()) {
                return fail();
            }
        }
        out.println("READY " + subscribed.get());

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = commands.readLine()) != null && !line.equals("STOP")) {
                    // nothing else is sent
                }
            } catch (java.io.IOException closed) {
                // the benchmark is gone: stop as well
            }
        });
        CompletableFuture.anyOf(stop, failed).exceptionally(e -> null).join();
        if (failed.isDone()) {
            return fail();
        }
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        out.println("DONE " + sockets.size());
        return 0;
    }

    private int fail() {
        try {
            failed.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            out.println("FAILED " + cause.getMessage().replace('\n', ' '));
        }
        sockets.forEach(WebSocket::abort);
        return 1;
    }

    /** One STOMP session: CONNECT on open, SUBSCRIBE on CONNECTED, then the pushes. */
    private final class Session implements WebSocket.Listener {

        private final int index;
        private final String token;
        private final Semaphore connecting;
        private final StringBuilder text = new StringBuilder();
        private boolean connected;

        Session(int index, String token, Semaphore connecting) {
            this.index = index;
            this.token = token;
            this.connecting = connecting;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer " + token
                    + "\n\n\0", true);
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long at = System.nanoTime();
            text.append(data);
            if (last) {
                String frames = text.toString();
                text.setLength(0);
                for (String frame : frames.split("\0")) {
                    frame(socket, frame.stripLeading(), at);
                }
            }
            socket.request(1);
            return null;
        }

        private void frame(WebSocket socket, String frame, long at) {
            if (frame.isEmpty()) {
                return; // a heartbeat
            }
            String command = frame.substring(0, Math.max(0, frame.indexOf('\n')));
            switch (command) {
                case "CONNECTED" -> {
                    connected = true;
                    socket.sendText("SUBSCRIBE\nid:notifications\ndestination:/user/queue/notifications\n\n\0", true);
                    subscribed.incrementAndGet();
                    connecting.release();
                }
                case "MESSAGE" -> {
                    String body = frame.substring(frame.indexOf("\n\n") + 2);
                    String type = null;
                    String jobId = null;
                    String workerId = null;
                    Matcher field = FIELD.matcher(body);
                    while (field.find()) {
                        switch (field.group(1)) {
                            case "type" -> type = field.group(2);
                            case "jobId" -> jobId = field.group(2);
                            default -> workerId = field.group(2);
                        }
                    }
                    if ("application.received".equals(type)) {
                        out.println("PUSH " + jobId + " " + workerId + " " + at + " " + index);
                    }
                }
                case "ERROR" -> failed.completeExceptionally(new IllegalStateException("the app refused a STOMP session"
                        + (connected ? "" : " at CONNECT") + ": " + frame.replace('\n', ' ').trim()));
                default -> {
                    // RECEIPT and anything else: not asked for
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            if (!failed.isDone() && !connected) {
                failed.completeExceptionally(new IllegalStateException("a WebSocket closed before CONNECTED: " + status + " "
                        + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            failed.completeExceptionally(new IllegalStateException("a WebSocket broke: " + error, error));
        }
    }
}
