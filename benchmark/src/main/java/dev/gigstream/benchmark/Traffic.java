package dev.gigstream.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one mobile client exchanges with the app: request and response lines, headers and bodies
 * as java.net.http sends and receives them (the body as it came over the wire, compressed or not;
 * chunk framing is not counted). A {@code thrifty} client asks for gzip and sends If-None-Match with
 * the ETag it last got for a URL, reusing its copy on a 304.
 */
final class Traffic {

    private final boolean thrifty;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    Traffic(boolean thrifty) {
        this.thrifty = thrifty;
    }

    long bytes() {
        return bytes.get();
    }

    long requests() {
        return requests.get();
    }

    void decorate(String method, String path, Map<String, String> headers) {
        if (!thrifty) {
            return;
        }
        headers.put("Accept-Encoding", "gzip");
        String etag = etags.get(path);
        if (method.equals("GET") && etag != null) {
            headers.put("If-None-Match", etag);
        }
    }

    void count(long requestBytes, long responseBytes) {
        requests.incrementAndGet();
        bytes.addAndGet(requestBytes + responseBytes);
    }

    /** Keeps the ETag and body of a GET; answers the kept body for a 304. */
    String remember(String method, String path, int status, String etag, String body) {
        if (!thrifty || !method.equals("GET")) {
            return body;
        }
        if (status == 304) {
            return bodies.getOrDefault(path, body);
        }
        if (status == 200 && etag != null) {
            etags.put(path, etag);
            bodies.put(path, body);
        }
        return body;
    }

    static int requestBytes(String method, String path, Map<String, String> headers, byte[] body) {
        int size = (method + " " + path + " HTTP/1.1\r\n").length() + "Host: 127.0.0.1:65535\r\n".length()
                + "User-Agent: Java-http-client/17\r\n".length() + 2;
        for (var header : headers.entrySet()) {
            size += header.getKey().length() + 2 + header.getValue().getBytes(StandardCharsets.UTF_8).length + 2;
        }
        if (body != null) {
            size += ("Content-Length: " + body.length + "\r\n").length() + body.length;
        }
        return size;
    }

    static int responseBytes(int status, Map<String, List<String>> headers, int bodyLength) {
        int size = ("HTTP/1.1 " + status + " \r\n").length() + 2;
        for (var header : headers.entrySet()) {
            if (header.getKey().startsWith(":")) {
                continue;
            }
            for (String value : header.getValue()) {
                size += header.getKey().length() + 2 + value.getBytes(StandardCharsets.UTF_8).length + 2;
            }
        }
        return size + bodyLength;
    }
}
