package dev.gigstream.api.notifications;

import dev.gigstream.api.reach.DeliveryRecords;
import dev.gigstream.api.reach.DeliveryView;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.notification.FindNotification;
import dev.gigstream.messages.notification.FindNotifications;
import dev.gigstream.messages.notification.NotificationPage;
import dev.gigstream.messages.notification.NotificationRead;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The inbox: what was pushed (or would have been, had the user been connected), newest first. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationController {

    private final QueryGateway queries;
    private final EventGateway events;
    private final DeliveryRecords deliveries;

    NotificationController(QueryGateway queries, EventGateway events, DeliveryRecords deliveries) {
        this.queries = queries;
        this.events = events;
        this.deliveries = deliveries;
    }

    /** A notification with how it reached the user besides the inbox, channel by channel. */
    @Schema(name = "NotificationItem")
    record InboxNotification(String id, String userId, String type, String jobId, Instant at, boolean read,
                             Map<String, String> details, List<DeliveryView> deliveries) {
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "The signed-in user's notifications, newest first, each with its deliveries by push and SMS")
    List<InboxNotification> inbox(@RequestParam(defaultValue = "false") boolean unreadOnly,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                  @AuthenticationPrincipal Jwt user) {
        List<NotificationView> page = queries.query(new FindNotifications(user.getSubject(), unreadOnly, limit),
                NotificationPage.class).join().items();
        Map<String, List<DeliveryView>> delivered = deliveries.viewsOf(user.getSubject(),
                page.stream().map(NotificationView::id).toList());
        return page.stream().map(n -> new InboxNotification(n.id(), n.userId(), n.type(), n.jobId(), n.at(), n.read(),
                n.details(), delivered.getOrDefault(n.id(), List.of()))).toList();
    }

    @PostMapping("/{notificationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markNotificationRead", summary = "Mark one of one's notifications read")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    void read(@PathVariable String notificationId, @AuthenticationPrincipal Jwt user) {
        queries.query(new FindNotification(user.getSubject(), notificationId),
                        ResponseTypes.optionalInstanceOf(NotificationView.class)).join()
                .orElseThrow(() -> new NotFoundException("No notification " + notificationId));
        events.publish(new NotificationRead(user.getSubject(), notificationId));
    }
}
