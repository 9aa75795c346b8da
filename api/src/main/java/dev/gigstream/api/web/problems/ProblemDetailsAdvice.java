package dev.gigstream.api.web.problems;

import dev.gigstream.api.messaging.UnknownCommandOutcome;
import dev.gigstream.messages.common.InvalidIdException;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.paystack.PaystackException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem details, a 4xx for anything the
 * caller can fix, and never a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** About the time another instance takes over a dead one's work (claim timeout plus claim interval). */
    private static final Duration RETRY_AFTER_UNKNOWN_OUTCOME = Duration.ofSeconds(5);

    /** A read sent again reaches an instance that is still there: Axon Server drops a lost one's handlers at once. */
    private static final Duration RETRY_AFTER_UNANSWERED_QUERY = Duration.ofSeconds(1);

    /** Paystack refused or did not answer a call made while serving the request: the caller may try again. */
    @ExceptionHandler(PaystackException.class)
    ProblemDetail paystackUnavailable(PaystackException e) {
        log.warn("Paystack failed a request's call: {}", e.getMessage());
        return Problems.of(HttpStatus.BAD_GATEWAY, "PAYSTACK_UNAVAILABLE", "Paystack could not answer just now; try again shortly");
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e) {
        return refusal(e.refusal());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e, HttpServletRequest request, HttpServletResponse response) {
        Optional<Refusal> refusal = Refusals.of(e);
        if (refusal.isPresent()) {
            return refusal(refusal.get());
        }
        return outcomeUnknown(e, request, response); // a 500 unless the outcome is unknown
    }

    /**
     * The instance handling the request's command or query could not be reached or did not answer in time
     * (see {@link UnknownCommandOutcome}): a command may have taken effect, a read is safe to send again. A
     * 503 with {@code Retry-After}, not a 500, so that the caller reads the resource or retries; other Axon
     * Server failures stay 500. Wrapped failures arrive here unwrapped ({@link UnwrappedFailures}).
     */
    @ExceptionHandler({CommandDispatchException.class, AxonServerException.class, RemoteHandlingException.class,
            QueryExecutionException.class, AxonServerQueryDispatchException.class, TimeoutException.class})
    ProblemDetail outcomeUnknown(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (!UnknownCommandOutcome.of(e)) {
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            return unexpected(e);
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        if (isRead(request)) {
            log.warn("A read was not answered: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_UNANSWERED_QUERY.toSeconds()));
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "QUERY_UNANSWERED",
                    "The instance answering the request was lost or did not answer in time; nothing was changed. "
                            + "Send it again");
        }
        log.warn("A command's outcome is unknown: {}", e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_UNKNOWN_OUTCOME.toSeconds()));
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "COMMAND_OUTCOME_UNKNOWN",
                "The instance handling the request could not be reached or did not answer in time; it may have "
                        + "taken effect. Read the resource to check, or retry");
    }

    /** A spent allowance (an account's geocoding, the platform's daily budget): its status, code and Retry-After. */
    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<ProblemDetail> retryLater(RetryLaterException e) {
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(e.status(), e.code(), e.getMessage()));
    }

    /** GET and HEAD only read: the failure lost an answer, never a change. */
    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    /** The edge's own failures (signing in): their status, code and detail. */
    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.invalid("Invalid value for " + e.field(), List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    /** A blank id in a path names nothing, as an id nothing has: the same 404 as a read of it. */
    @ExceptionHandler(InvalidIdException.class)
    ProblemDetail blankId(InvalidIdException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No " + e.field() + " was given");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "The resource does not exist");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The resource was changed or created at the same time by another request; read it and try again");
    }

    /** Method security denials surface inside MVC, before Spring Security's own handler could answer. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.forbidden();
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodyTooLargeException.problem(e.limit()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (Problems.storeUnavailable(e)) {
            log.warn("A store does not answer: {}", e.toString());
            currentResponse().ifPresent(response -> response.setHeader(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER));
            return Problems.storeAway();
        }
        log.error("Unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; the request's correlation id helps us find it");
    }

    private static Optional<HttpServletResponse> currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.ofNullable(attributes.getResponse()) : Optional.empty();
    }

    private static ProblemDetail refusal(Refusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return Problems.of(status, refusal.code(), refusal.detail());
    }

    /** Spring MVC's own refusals (unknown path, wrong method or media type, ...) get a code like ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        return super.createResponseEntity(body instanceof ProblemDetail problem ? Problems.withCode(problem) : body,
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        String fields = errors.stream().map(Problems.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(Problems.invalid("Invalid value for " + fields, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("Invalid request parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodyTooLargeException.problem(tooLarge.limit()));
            }
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        return ResponseEntity.badRequest().body(unreadable(cause));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        return Problems.invalid("Invalid request parameters", e.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid("Invalid value for " + e.getName(),
                List.of(new Problems.FieldError(e.getName(), "is not a valid value")));
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.invalid("Unknown field " + field,
                    List.of(new Problems.FieldError(field, "is not a field of this request")));
        }
        if (cause instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            String field = path(invalid);
            return Problems.invalid("Invalid value for " + field,
                    List.of(new Problems.FieldError(field, invalid.getCause().getMessage())));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((DatabindException) cause);
            return Problems.invalid("Invalid value for " + field,
                    List.of(new Problems.FieldError(field, "has the wrong type or format")));
        }
        if (cause instanceof JacksonException) {
            return Problems.invalid("The request body is not well-formed JSON", List.of());
        }
        return Problems.invalid("The request body is missing or unreadable", List.of());
    }

    private static String path(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
