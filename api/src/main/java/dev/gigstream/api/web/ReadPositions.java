package dev.gigstream.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Reading one's own writes over HTTP. A write marked {@link AnswersReadPosition} answers the header
 * {@value #HEADER}: the position in the event stream of the events it caused. A read marked
 * {@link AwaitsReadPosition} that presents it waits up to {@link #WAIT} for its read model to have passed
 * that position, on any instance; when it has not by then, the answer is 503 {@value #BEHIND} with
 * {@code Retry-After}, never a read model that does not show the write yet ({@link PresentedReadPosition}).
 * A read that checks who may read it waits itself, after that check. Without the header a read answers at
 * once, as the read model then is.
 */
@Configuration(proxyBeanMethods = false)
public class ReadPositions implements WebMvcConfigurer {

    public static final String HEADER = "Read-Position";
    public static final String BEHIND = "READ_MODEL_BEHIND";
    /** The longest a read presenting a position waits for its read model. */
    public static final Duration WAIT = Duration.ofSeconds(3);

    private final PresentedReadPosition presented;

    ReadPositions(PresentedReadPosition presented) {
        this.presented = presented;
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
                    AwaitsReadPosition awaits = method.getMethodAnnotation(AwaitsReadPosition.class);
                    if (!awaits.afterAccessCheck()) {
                        presented.of(request).ifPresent(position -> presented.await(position, awaits.value()));
                    }
                }
                return true;
            }
        });
    }
}
