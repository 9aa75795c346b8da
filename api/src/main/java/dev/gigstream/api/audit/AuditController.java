package dev.gigstream.api.audit;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit trail, read-only, for auditors and admins: an aggregate's events, its state as of an
 * instant, the whole event stream as NDJSON. Every request that passes the role check is recorded
 * (who, what, when) before it is answered, including those that end in a 404. Account and phone
 * numbers are masked as the rest of the API masks them; an admin reads them in clear with
 * {@code unmasked=true} and a {@code reason}, which the record keeps.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
@Tag(name = "Audit")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int DEFAULT_STREAM_LIMIT = 1_000;
    private static final int MAX_STREAM_LIMIT = 10_000;
    private static final int DEFAULT_READS_LIMIT = 100;
    private static final int MAX_READS_LIMIT = 1_000;
    private static final String UNMASKED = "true: account and phone numbers in clear, for an ADMIN who gives a `reason` "
            + "(an AUDITOR is refused with 403 `UNMASKING_NOT_ALLOWED`); masked otherwise, as the rest of the API shows them";
    private static final String REASON = "Why the numbers are read in clear, 1 to " + Disclosure.MAX_REASON
            + " characters (no control characters), kept in the audit-read log; required with `unmasked=true` (else 400 `INVALID_UNMASKING_REASON`)";

    private final EventHistory history;
    private final AsOfState states;
    private final AuditReads reads;
    private final Clock clock;

    AuditController(EventHistory history, AsOfState states, AuditReads reads, Clock clock) {
        this.history = history;
        this.states = states;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/aggregates/{aggregateId}/events")
    @Operation(operationId = "listAggregateEvents", summary = "An aggregate's events in sequence order, with their metadata")
    @ProblemResponse(status = 400, codes = "INVALID_UNMASKING_REASON")
    @ProblemResponse(status = 403, codes = "UNMASKING_NOT_ALLOWED")
    @ProblemResponse(status = 404, codes = "AGGREGATE_NOT_FOUND")
    List<AuditEvent> events(@PathVariable String aggregateId,
                            @Parameter(description = UNMASKED) @RequestParam(defaultValue = "false") boolean unmasked,
                            @Parameter(description = REASON, schema = @Schema(type = "string", maxLength = Disclosure.MAX_REASON))
                            @RequestParam(required = false) String reason,
                            Authentication reader, HttpServletRequest request) {
        Disclosure disclosure = Disclosure.asked(unmasked, reason, reader);
        reads.record(reader, request, disclosure);
        return history.ofAggregate(aggregateId, disclosure);
    }

    @GetMapping("/aggregates/{aggregateId}/state")
    @Operation(operationId = "getAggregateState",
            summary = "An aggregate's state as of an instant (default now), rebuilt from its events up to then")
    @ProblemResponse(status = 400, codes = {"INVALID_INSTANT", "INVALID_UNMASKING_REASON"})
    @ProblemResponse(status = 403, codes = "UNMASKING_NOT_ALLOWED")
    @ProblemResponse(status = 404, codes = {"AGGREGATE_NOT_FOUND", "AGGREGATE_NOT_YET_CREATED", "AGGREGATE_TYPE_NOT_REBUILDABLE"})
    AggregateState state(@PathVariable String aggregateId,
                         @Parameter(description = "An ISO-8601 instant; now when left out",
                                 schema = @Schema(type = "string", format = "date-time"))
                         @RequestParam(required = false) String at,
                         @Parameter(description = UNMASKED) @RequestParam(defaultValue = "false") boolean unmasked,
                         @Parameter(description = REASON, schema = @Schema(type = "string", maxLength = Disclosure.MAX_REASON))
                         @RequestParam(required = false) String reason,
                         Authentication reader, HttpServletRequest request) {
        Instant asOf = at == null ? clock.instant() : instant(at);
        Disclosure disclosure = Disclosure.asked(unmasked, reason, reader);
        reads.record(reader, request, disclosure);
        return states.of(aggregateId, asOf, disclosure);
    }

    @GetMapping("/events")
    @Operation(operationId = "streamEvents",
            summary = "The global event stream after a position, one JSON event a line (application/x-ndjson)",
            description = "Streamed up to the head of the store at the request, `limit` events at most; pass the last "
                    + "line's `position` as `after` to read on.",
            responses = @ApiResponse(responseCode = "200",
                    description = "NDJSON: one StreamedEvent object per line (the schema describes one line)",
                    content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = StreamedEvent.class))))
    @ProblemResponse(status = 400, codes = {"INVALID_POSITION", "LIMIT_OUT_OF_RANGE", "INVALID_UNMASKING_REASON"})
    @ProblemResponse(status = 403, codes = "UNMASKING_NOT_ALLOWED")
    ResponseEntity<StreamingResponseBody> stream(
            @Parameter(description = "A position in the stream: events after it are read (-1, or nothing, from the start)",
                    schema = @Schema(type = "integer", format = "int64", minimum = "-1"))
            @RequestParam(required = false) String after,
            @Parameter(description = "How many events at most", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "10000", defaultValue = "1000"))
            @RequestParam(defaultValue = "" + DEFAULT_STREAM_LIMIT) int limit,
            @Parameter(description = UNMASKED) @RequestParam(defaultValue = "false") boolean unmasked,
            @Parameter(description = REASON, schema = @Schema(type = "string", maxLength = Disclosure.MAX_REASON))
            @RequestParam(required = false) String reason,
            Authentication reader, HttpServletRequest request) {
        long afterPosition = position(after);
        requireLimit(limit, MAX_STREAM_LIMIT);
        Disclosure disclosure = Disclosure.asked(unmasked, reason, reader);
        reads.record(reader, request, disclosure);
        StreamingResponseBody body = out -> history.writeAfter(afterPosition, limit, disclosure, out);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    @GetMapping("/reads")
    @Operation(operationId = "listAuditReads", summary = "The latest reads of the audit trail (who read what, when), newest first")
    @ProblemResponse(status = 400, codes = "LIMIT_OUT_OF_RANGE")
    AuditReadPage reads(@Parameter(description = "How many reads at most", schema = @Schema(type = "integer", format = "int32",
                                minimum = "1", maximum = "1000", defaultValue = "100"))
                        @RequestParam(defaultValue = "" + DEFAULT_READS_LIMIT) int limit,
                        Authentication reader, HttpServletRequest request) {
        requireLimit(limit, MAX_READS_LIMIT);
        reads.record(reader, request);
        return new AuditReadPage(reads.latest(limit));
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new RefusedException(AuditErrorCode.INVALID_INSTANT,
                    "at must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        }
    }

    /** -1 (or nothing) reads from the start. */
    private static long position(String after) {
        if (after == null) {
            return -1;
        }
        try {
            long position = Long.parseLong(after.strip());
            if (position >= -1) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RefusedException(AuditErrorCode.INVALID_POSITION,
                "after must be a position in the event stream (0 or more, or -1 for the start)");
    }

    private static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new RefusedException(AuditErrorCode.LIMIT_OUT_OF_RANGE, "limit must be between 1 and " + max);
        }
    }
}
