package dev.gigstream.api.admin;

import dev.gigstream.api.console.ProjectionConsole;
import dev.gigstream.api.console.ProjectionStatus;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin")
class ProjectionController {

    private final ProjectionConsole processors;

    ProjectionController(ProjectionConsole processors) {
        this.processors = processors;
    }

    @GetMapping
    @Operation(operationId = "listProjections",
            summary = "Every read-model projection with its position in the event stream, its lag and whether it is replaying",
            description = "As this instance sees them; `position` and `lag` are null while unknown.")
    List<ProjectionStatus> list() {
        return processors.list();
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "replayProjection",
            summary = "Rebuild one projection from the event store; readers see it refill until it has caught up",
            description = "Projections kept per instance rebuild at every start and cannot be replayed (409).")
    @ProblemResponse(status = 404, codes = "PROJECTION_NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"REPLAY_NOT_SUPPORTED", "PROJECTION_BUSY"})
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void replay(@PathVariable String name) {
        processors.replay(name);
    }
}
