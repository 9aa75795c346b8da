package dev.gigstream.api.reach;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One channel's delivery of a notification as its recipient sees it: where it stands since {@code at}, and why if skipped or failed. */
@Schema(name = "NotificationDeliveryItem")
@JsonInclude(JsonInclude.Include.NON_NULL) // a reason only for a skip or a failure
public record DeliveryView(Channel channel, DeliveryStatus status, DeliveryReason reason, Instant at) {

    static DeliveryView of(DeliveryRecords.Delivery delivery) {
        return new DeliveryView(delivery.channel(), delivery.status(), delivery.reason(), delivery.updatedAt());
    }
}
