package dev.gigstream.api.compliance;

import dev.gigstream.messages.compliance.AcknowledgeComplianceFlag;
import dev.gigstream.messages.compliance.ComplianceFlagList;
import dev.gigstream.messages.compliance.ComplianceFlagView;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.FindComplianceFlags;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The flags the compliance rules raised, for admins to review and acknowledge. */
@RestController
@RequestMapping("/api/v1/admin/compliance/flags")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Compliance")
class ComplianceController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    ComplianceController(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listComplianceFlags", summary = "Compliance flags, newest first, with the ids of the events that "
            + "raised them; filtered by acknowledgement and rule")
    List<ComplianceFlagView> flags(@RequestParam(required = false) Boolean acknowledged,
                                   @RequestParam(required = false) ComplianceRule rule,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return queries.query(new FindComplianceFlags(acknowledged, rule, limit), ComplianceFlagList.class).join().items();
    }

    @PostMapping("/{flagId}/acknowledge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "acknowledgeComplianceFlag", summary = "Acknowledge a flag with a note (1 to 2,000 characters); "
            + "acknowledging it again keeps the first acknowledgement; 404 FLAG_NOT_FOUND for an unknown flag")
    @SendsCommand
    @ProblemResponse(status = 404, codes = "FLAG_NOT_FOUND")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void acknowledge(@PathVariable String flagId, @Valid @RequestBody ComplianceRequests.Acknowledge request,
                     @AuthenticationPrincipal Jwt admin) {
        commands.sendAndWait(new AcknowledgeComplianceFlag(flagId, admin.getSubject(), request.note(), clock.instant()));
    }
}
