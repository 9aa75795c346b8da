package dev.gigstream.api.reach;

import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.problems.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's devices, which push notifications reach. Only ever one's own: the person is the
 * token's subject, and a device token of someone else's reads as unknown.
 */
@RestController
@RequestMapping("/api/v1/me/devices")
@Tag(name = "Notifications")
class DeviceController {

    private final Devices devices;

    DeviceController(Devices devices) {
        this.devices = devices;
    }

    @PostMapping
    @Operation(operationId = "registerDevice", summary = "Register this install of the app for push notifications",
            description = "The token is the push provider's (FCM's) registration token of the install: up to 4096 of the "
                    + "characters a URL path carries as they are (letters, digits and `._~:@!$&'()*+,=-`). Registering "
                    + "a token one has already changes nothing and answers 200; a token another account registered moves "
                    + "to the caller (the app was signed into another account) and answers 201. One keeps the "
                    + Devices.PER_USER + " newest devices: registering one more drops the oldest.",
            responses = {@ApiResponse(responseCode = "201", description = "Registered, or moved from another account"),
                    @ApiResponse(responseCode = "200", description = "The caller had registered it already")})
    ResponseEntity<ReachRequests.DeviceView> register(@Valid @RequestBody ReachRequests.Register request,
                                                      @AuthenticationPrincipal Jwt user) {
        Devices.Registered registered = devices.register(user.getSubject(), request.platform(), request.token());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ReachRequests.DeviceView.of(registered.device()));
    }

    @GetMapping
    @Operation(operationId = "listDevices", summary = "The signed-in person's registered devices, newest first")
    ReachRequests.DeviceList list(@AuthenticationPrincipal Jwt user) {
        return new ReachRequests.DeviceList(devices.of(user.getSubject()).stream().map(ReachRequests.DeviceView::of).toList());
    }

    @DeleteMapping("/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeDevice", summary = "Stop push notifications to one of one's devices",
            description = "For a sign-out on the device: the token no longer receives the person's notifications.")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    void remove(@PathVariable String token, @AuthenticationPrincipal Jwt user) {
        if (!devices.remove(user.getSubject(), token)) {
            throw new NotFoundException("No device of yours has this token");
        }
    }
}
