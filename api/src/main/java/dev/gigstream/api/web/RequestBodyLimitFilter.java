package dev.gigstream.api.web;

import dev.gigstream.api.web.problems.BodyTooLargeException;
import dev.gigstream.api.web.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * No request body may be larger than {@code gigstream.web.max-body} (1 MB), nor a Paystack delivery
 * larger than {@code gigstream.web.max-webhook-body} (64 KB; Paystack's are a few KB): a declared
 * length over the limit is answered 413 before anything is read, and a body sent without one (chunked)
 * is cut off as soon as it passes the limit, before a parser or the webhook's signature check holds
 * it all in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String WEBHOOK_PATH = "/api/v1/webhooks/";

    private final long maxBody;
    private final long maxWebhookBody;
    private final JsonMapper json;

    RequestBodyLimitFilter(@Value("${gigstream.web.max-body:1MB}") DataSize maxBody,
                           @Value("${gigstream.web.max-webhook-body:64KB}") DataSize maxWebhookBody,
                           JsonMapper json) {
        this.maxBody = maxBody.toBytes();
        this.maxWebhookBody = maxWebhookBody.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith(WEBHOOK_PATH) ? maxWebhookBody : maxBody;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, json, BodyTooLargeException.problem(limit));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        Counting(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
