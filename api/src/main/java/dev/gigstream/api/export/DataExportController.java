package dev.gigstream.api.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's data export: everything held about them, as one JSON document. Only ever one's
 * own (the id is the token's subject, never a parameter); rate limited ({@code gigstream.rate-limits.groups.data-export})
 * and recorded in the audit-read log.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Personal data")
class DataExportController {

    private final DataExports exports;

    DataExportController(DataExports exports) {
        this.exports = exports;
    }

    @GetMapping("/data-export")
    @Operation(operationId = "exportMyData", summary = "Everything held about the signed-in user, as one document",
            description = "The account, the worker profile (payout account number masked), jobs, applications, offers, "
                    + "ratings, payments and payouts, disputes and evidence, safety links and location pings, "
                    + "notifications, devices (each token by its last 6 characters) and notification preferences, and the reads "
                    + "of one's data. Another person appears by id and role only. A few "
                    + "exports an hour per account (429 `RATE_LIMITED` beyond); each is recorded and listed in the next.")
    PersonalDataExport export(Authentication user, HttpServletRequest request) {
        return exports.export(user, request);
    }
}
