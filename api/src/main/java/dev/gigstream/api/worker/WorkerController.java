package dev.gigstream.api.worker;

import dev.gigstream.api.geocode.Places;
import dev.gigstream.api.phone.PhoneRequirement;
import dev.gigstream.api.web.SkillParameters;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.FindPayoutAccount;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.PayoutAccountView;
import dev.gigstream.messages.worker.UpdateWorkerProfile;
import dev.gigstream.messages.worker.WorkerProfileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "Workers")
class WorkerController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String END_OF_DAY = "24:00";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Places places;
    private final PhoneRequirement phones;

    WorkerController(CommandGateway commands, QueryGateway queries, Places places, PhoneRequirement phones) {
        this.commands = commands;
        this.phones = phones;
        this.queries = queries;
        this.places = places;
    }

    @PutMapping("/me/profile")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "updateWorkerProfile", summary = "Replace the signed-in worker's profile",
            description = "Skills are normalized (trimmed, inner spaces collapsed, lower case) and repeats dropped; "
                    + "availability windows of one day must not overlap; `to` may be 24:00. A home given by its address "
                    + "alone is geocoded. The payout account is answered masked. Where the server requires verified phone "
                    + "numbers, adding or changing the payout account without one is refused with 409 PHONE_NOT_VERIFIED.")
    @SendsCommand
    @ProblemResponse(status = 400, codes = {"OVERLAPPING_AVAILABILITY", "ADDRESS_NOT_FOUND", "COORDINATES_REQUIRED"})
    @ProblemResponse(status = 409, codes = PhoneRequirement.NOT_VERIFIED)
    @ProblemResponse(status = 503, codes = {"GEOCODING_UNAVAILABLE", "GEOCODING_BUDGET_SPENT"})
    OwnProfile updateProfile(@Valid @RequestBody WorkerProfileRequest request, @AuthenticationPrincipal Jwt worker) {
        PayoutAccount payout = payout(request);
        if (phones.required() && payout != null && !payout.equals(currentPayout(worker.getSubject()))) {
            phones.requireVerified(worker.getSubject()); // before the address is geocoded: a refusal spends nothing
        }
        UpdateWorkerProfile command = toCommand(worker.getSubject(), request);
        commands.sendAndWait(command);
        return OwnProfile.of(command);
    }

    @GetMapping("/{workerId}")
    @Operation(operationId = "getWorkerProfile", summary = "A worker's public profile")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    WorkerProfileView profile(@PathVariable String workerId) {
        return queries.query(new FindWorkerProfile(workerId), ResponseTypes.optionalInstanceOf(WorkerProfileView.class))
                .join()
                .orElseThrow(() -> new NotFoundException("No worker " + workerId));
    }

    /** A home given by coordinates, or by an address that is geocoded. */
    private GeoPoint home(WorkerProfileRequest.Location home) {
        if (home.lat() != null && home.lng() != null) {
            return new GeoPoint(home.lat(), home.lng());
        }
        if (home.lat() != null || home.lng() != null || home.address() == null || home.address().isBlank()) {
            throw new InvalidRequestException("home", "give lat and lng, or an address");
        }
        var place = places.locate(home.address().strip(), home.country() == null ? "NG" : home.country());
        return new GeoPoint(place.lat(), place.lng());
    }

    private UpdateWorkerProfile toCommand(String workerId, WorkerProfileRequest request) {
        List<String> skills = SkillParameters.normalize("skills", request.skills());
        List<AvailabilityWindow> availability = new ArrayList<>();
        for (int i = 0; i < request.availability().size(); i++) {
            var window = request.availability().get(i);
            LocalTime to = END_OF_DAY.equals(window.to()) ? LocalTime.MAX : LocalTime.parse(window.to());
            try {
                availability.add(new AvailabilityWindow(window.dayOfWeek(), LocalTime.parse(window.from()), to));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("availability[" + i + "]", e.getMessage());
            }
        }
        return new UpdateWorkerProfile(WorkerId.of(workerId), skills, request.bio(),
                home(request.home()), availability, payout(request));
    }

    private static PayoutAccount payout(WorkerProfileRequest request) {
        var payout = request.payout();
        return payout == null ? null : new PayoutAccount(payout.bankCode(), payout.accountNumber(), payout.accountName());
    }

    /**
     * The payout account the worker has now, as the read model knows it (null: none): sending the same again with
     * the rest of the profile adds or changes nothing, so it needs no verified phone.
     */
    private PayoutAccount currentPayout(String workerId) {
        return queries.query(new FindPayoutAccount(workerId), ResponseTypes.optionalInstanceOf(PayoutAccountView.class))
                .join()
                .map(PayoutAccountView::account)
                .orElse(null);
    }

    /** The worker's own view of their profile, in the shape they sent it: skills normalized, the account masked. */
    @Schema(name = "WorkerProfileResponse")
    record OwnProfile(String workerId, List<String> skills, String bio, GeoPoint home,
                      List<WorkerProfileRequest.Availability> availability, MaskedPayout payout) {

        static OwnProfile of(UpdateWorkerProfile command) {
            PayoutAccount payout = command.payout();
            return new OwnProfile(command.workerId().value(), command.skills(), command.bio(), command.home(),
                    command.availability().stream().map(OwnProfile::asSent).toList(), payout == null ? null
                    : new MaskedPayout(payout.bankCode(), payout.maskedAccountNumber(), payout.accountName()));
        }

        private static WorkerProfileRequest.Availability asSent(AvailabilityWindow window) {
            return new WorkerProfileRequest.Availability(window.dayOfWeek(), HH_MM.format(window.from()),
                    window.to().equals(LocalTime.MAX) ? END_OF_DAY : HH_MM.format(window.to()));
        }
    }

    @Schema(name = "MaskedPayoutDetails")
    record MaskedPayout(String bankCode, String accountNumber, String accountName) {
    }
}
