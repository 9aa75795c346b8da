package dev.gigstream.messages.client;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

public record ClientReinstated(@NotPersonal String clientId,
                               @PersonalData(subject = "clientId") String reason,
                               @NotPersonal String adminId) {
}
