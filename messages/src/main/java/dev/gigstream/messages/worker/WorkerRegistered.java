package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

public record WorkerRegistered(WorkerId workerId, @PersonalData(subject = "workerId") String fullName) {
}
