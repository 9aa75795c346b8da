package dev.gigstream.api.admin;

import dev.gigstream.messages.admin.FindMoneyMovements;
import dev.gigstream.messages.admin.MoneyMovement;
import dev.gigstream.messages.admin.MoneyMovementPage;
import dev.gigstream.messages.common.RefusedException;
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

    private final QueryGateway queries;

    FinanceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/admin/finance.csv")
    @Operation(operationId = "exportFinance",
            summary = "Money movements with from <= at < to as CSV (amounts in minor units), ordered by time")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
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
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RefusedException(FinanceErrorCode.INVALID_INSTANT,
                    name + " is not an ISO-8601 instant such as 2026-05-01T00:00:00Z");
        }
    }
}
