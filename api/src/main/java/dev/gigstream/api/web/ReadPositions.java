package dev.gigstream.api.web;

import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.api.web.problems.RetryLaterException;
import dev.gigstream.api.messaging.ReadModelPositions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Reading one's own writes over HTTP. A write marked {@link AnswersReadPosition} answers the header
 * {@value #HEADER}: the position in the event stream of the events it caused. A read marked
 * {@link AwaitsReadPosition} that presents it waits up to {@link #WAIT} for its read model to have passed
 * that position, on any instance; when it has not by then, the answer is 503 {@value #BEHIND} with
 * {@code Retry-After}, never a read model that does not show the write yet. Without the header a read
 * answers at once, as the read model then is.
 */
@Configuration(proxyBeanMethods = false)
public class ReadPositions implements WebMvcConfigurer {

    public static final String HEADER = "Read-Position";
    public static final String BEHIND = "READ_MODEL_BEHIND";
    /** The longest a read presenting a position waits for its read model. */
    public static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final ReadModelPositions positions;

    ReadPositions(ReadModelPositions positions) {
        this.positions = positions;
    }

    /** The header value a write answers with its events' position. */
    public static String header(long position) {
        return Long.toString(Math.max(0, position));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(AwaitsReadPosition.class)) {
                    String presented = request.getHeader(HEADER);
                    if (presented != null) {
                        await(method.getMethodAnnotation(AwaitsReadPosition.class).value(), presented.strip());
                    }
                }
                return true;
            }
        });
    }

    private void await(Class<?> query, String presented) {
        if (!POSITION.matcher(presented).matches()) {
            throw new InvalidRequestException(HEADER, "the Read-Position a write answered: a whole number");
        }
        if (!positions.awaitReadModels(Long.parseLong(presented), WAIT, query)) {
            throw new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, BEHIND, "The read model has not caught up "
                    + "with the write at position " + presented + " yet; send the request again", RETRY_AFTER);
        }
    }
}
