package dev.gigstream.api.admin;

import dev.gigstream.api.console.DeadLetterConsole;
import dev.gigstream.api.console.DeadLetterEntry;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin")
class DeadLetterController {

    private final DeadLetterConsole deadLetters;

    DeadLetterController(DeadLetterConsole deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "Projection updates and saga events that failed and are parked for a retry")
    List<DeadLetterEntry> list() {
        return deadLetters.list();
    }

    @PostMapping("/{projection}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "retryDeadLetters", summary = "Retry the parked updates of one projection (or saga) now")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    Retried retry(@PathVariable String projection) {
        if (!deadLetters.knows(projection)) {
            throw new NotFoundException("No projection " + projection);
        }
        return new Retried(projection, deadLetters.retry(projection));
    }

    @Schema(name = "RetryDeadLettersResponse")
    record Retried(String projection, int sequencesHealed) {
    }
}
