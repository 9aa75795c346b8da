package dev.gigstream.api.web.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Hands {@link ProblemDetailsAdvice} the failure itself rather than what carried it. A query's failure
 * reaches a controller inside the {@link CompletionException} of the gateway's future ({@code join()}),
 * an executor's inside an {@link ExecutionException}, a unit of work's checked one inside Axon's own
 * {@link org.axonframework.messaging.ExecutionException}: mapped as they come, each would be an
 * unexpected failure (500) whatever it carries, a refusal or a lost connection alike. So every such
 * wrapper is peeled off, however deeply nested, before the advice's mappings are applied.
 */
@Configuration(proxyBeanMethods = false)
class UnwrappedFailures implements WebMvcConfigurer {

    /** Exceptions that only carry another one; Axon's Command/QueryExecutionException carry details too and stay. */
    private static final List<Class<? extends Throwable>> CARRIERS = List.of(CompletionException.class,
            ExecutionException.class, org.axonframework.messaging.ExecutionException.class,
            UndeclaredThrowableException.class, InvocationTargetException.class);

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.stream()
                .filter(ExceptionHandlerExceptionResolver.class::isInstance)
                .map(ExceptionHandlerExceptionResolver.class::cast)
                .findFirst()
                .ifPresent(advice -> resolvers.add(0, new Unwrapping(advice)));
    }

    /** The failure {@code carried} stands for: the first cause that is not a mere carrier. */
    static Throwable unwrap(Throwable carried) {
        Throwable failure = carried;
        while (isCarrier(failure) && failure.getCause() != null && failure.getCause() != failure) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static boolean isCarrier(Throwable failure) {
        return CARRIERS.stream().anyMatch(carrier -> carrier.isInstance(failure));
    }

    private record Unwrapping(ExceptionHandlerExceptionResolver advice) implements HandlerExceptionResolver {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                             Exception failure) {
            return unwrap(failure) instanceof Exception carried && carried != failure
                    ? advice.resolveException(request, response, handler, carried)
                    : null; // not wrapped: the advice answers it as it is
        }
    }
}
