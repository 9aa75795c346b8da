package dev.gigstream.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Google's auth library asks the token endpoint through this transport, so that the token request
 * goes through the same {@link HttpClient} as the sends and has the same timeouts: the library's own
 * default transport waits 20 s to connect and 20 s per read, which would hold a delivery up.
 */
final class JdkTransport extends HttpTransport {

    /** Headers the JDK's client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;
    private final Duration requestTimeout;

    JdkTransport(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Request(method, URI.create(url));
    }

    private final class Request extends LowLevelHttpRequest {

        private final String method;
        private final URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        Request(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(Map.entry(name, value));
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (getStreamingContent() != null) {
                getStreamingContent().writeTo(content);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                    .method(method, getStreamingContent() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(content.toByteArray()));
            headers.stream().filter(h -> !RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT)))
                    .forEach(h -> request.header(h.getKey(), h.getValue()));
            if (getContentType() != null) {
                request.setHeader("Content-Type", getContentType());
            }
            if (getContentEncoding() != null) {
                request.setHeader("Content-Encoding", getContentEncoding());
            }
            try {
                return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while asking for an access token");
            }
        }
    }

    private static final class Response extends LowLevelHttpResponse {

        private final HttpResponse<byte[]> response;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        Response(HttpResponse<byte[]> response) {
            this.response = response;
            response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(response.body());
        }

        @Override
        public String getContentEncoding() {
            return response.headers().firstValue("Content-Encoding").orElse(null);
        }

        @Override
        public long getContentLength() {
            return response.body().length;
        }

        @Override
        public String getContentType() {
            return response.headers().firstValue("Content-Type").orElse(null);
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + response.statusCode();
        }

        @Override
        public int getStatusCode() {
            return response.statusCode();
        }

        @Override
        public String getReasonPhrase() {
            return "";
        }

        @Override
        public int getHeaderCount() {
            return headers.size();
        }

        @Override
        public String getHeaderName(int index) {
            return headers.get(index).getKey();
        }

        @Override
        public String getHeaderValue(int index) {
            return headers.get(index).getValue();
        }
    }
}
