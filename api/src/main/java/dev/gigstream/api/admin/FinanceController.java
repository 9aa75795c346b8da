package dev.gigstream.api.admin;

import dev.gigstream.messages.admin.FindMoneyMovements;
import dev.gigstream.messages.admin.MoneyMovement;
import dev.gigstream.messages.admin.MoneyMovementPage;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The accountants' export: every money movement of a period as CSV, streamed page by page from the
 * money-movements read model, so a year's export takes no more memory than a page.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin")
class FinanceController {

    static final String HEADER = "at,escrowId,jobId,kind,amount,currency,reference";
    static final int PAGE = 500;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter FILE_NAME_INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The instants the money movements' store can be asked about (a BSON date: 64-bit milliseconds since 1970). */
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final QueryGateway queries;

    FinanceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/admin/finance.csv")
    @Operation(operationId = "exportFinance",
            summary = "Money movements with from <= at < to as CSV (amounts in minor units), ordered by time",
            description = "One row per money movement (RFC 4180, CRLF line ends, a header row first): FUNDED (the escrow "
                    + "credited at funding), PROCESSOR_FEE (Paystack's fee), SERVICE_FEE (the platform's revenue), RELEASED "
                    + "(paid out to the worker; negative for a reversal), REFUNDED (paid back to the client).",
            responses = @ApiResponse(responseCode = "200", description = "The movements, streamed",
                    headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"finance-<from>-<to>.csv\"`",
                            schema = @Schema(type = "string")),
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            example = "at,escrowId,jobId,kind,amount,currency,reference\r\n"
                                    + "2026-05-01T09:12:44.120Z,3f1c2a9e-8b7d-4c55-a0e2-6d9b1f4e7a10,"
                                    + "9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d,FUNDED,1650000,NGN,gs-esc-3f1c2a9e-8b7d-4c55-a0e2-6d9b1f4e7a10\r\n"))))
    @ProblemResponse(status = 400, codes = {"INVALID_PERIOD", "INVALID_INSTANT"})
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(required = true, description = "The period's start, included: an ISO-8601 instant",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(required = true, description = "The period's end, excluded: an ISO-8601 instant",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start.isAfter(end)) {
            throw new RefusedException(FinanceErrorCode.INVALID_PERIOD, "from (" + start + ") is after to (" + end + ")");
        }
        StreamingResponseBody rows = out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write(HEADER + "\r\n");
            FindMoneyMovements query = FindMoneyMovements.firstPage(start, end, PAGE);
            List<MoneyMovement> page;
            do {
                page = queries.query(query, MoneyMovementPage.class).join().items();
                for (MoneyMovement movement : page) {
                    write(csv, movement);
                }
                csv.flush();
                query = page.isEmpty() ? query : query.after(page.get(page.size() - 1));
            } while (page.size() == PAGE);
        };
        String fileName = "finance-" + FILE_NAME_INSTANT.format(start) + "-" + FILE_NAME_INSTANT.format(end) + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(rows);
    }

    private static void write(Writer csv, MoneyMovement movement) throws IOException {
        csv.write(String.join(",", movement.at().toString(), field(movement.escrowId()), field(movement.jobId()),
                movement.kind().name(), Long.toString(movement.amount().amount()), movement.amount().currency().name(),
                field(movement.reference())));
        csv.write("\r\n");
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new RefusedException(FinanceErrorCode.INVALID_PERIOD, name + " is required: the export covers from <= at < to");
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RefusedException(FinanceErrorCode.INVALID_INSTANT,
                    name + " is not an ISO-8601 instant such as 2026-05-01T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new RefusedException(FinanceErrorCode.INVALID_INSTANT, name + " is out of range: the read model stores "
                    + "times as milliseconds since 1970 in 64 bits");
        }
        return instant;
    }
}
