package dev.gigstream.api.web.problems;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: what reaches {@code /error} (an error status or exception that happened
 * outside Spring MVC, e.g. in a filter) is answered as problem+json with a code named after the status;
 * {@code /error} asked for directly is an unknown path. A database that does not answer (in a filter:
 * the token's account check) is a 503 the client may retry.
 */
@RestController
@Hidden // the container's error page: its answers are the problems each operation lists
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (Problems.storeUnavailable((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER).body(Problems.storeAway());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        if (status.is2xxSuccessful() || status.is3xxRedirection()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, Problems.codeOf(status), detailOf(status)));
    }

    private static String detailOf(HttpStatus status) {
        return status.is5xxServerError()
                ? "Something went wrong on our side; the request's correlation id helps us find it"
                : status.getReasonPhrase();
    }
}
