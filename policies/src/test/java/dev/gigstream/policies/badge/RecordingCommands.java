package dev.gigstream.policies.badge;

import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.worker.AwardBadge;
import dev.gigstream.messages.worker.WorkerErrorCode;
import dev.gigstream.policies.testsupport.SendAndWaitGateway;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A command gateway that keeps the badges it is asked to award and, like the Worker, refuses a badge
 * the worker already has (as a distributed command bus reports it); it can also be made to fail.
 */
final class RecordingCommands extends SendAndWaitGateway {

    private final List<AwardBadge> asked = new ArrayList<>();
    private final List<AwardBadge> awarded = new ArrayList<>();
    private final Set<String> held = new HashSet<>();
    private RuntimeException failure;

    /** Every AwardBadge sent, refused ones included. */
    List<AwardBadge> asked() {
        return asked;
    }

    /** The AwardBadge commands that were accepted. */
    List<AwardBadge> awarded() {
        return awarded;
    }

    /** Until {@code null} is given, every command fails with {@code failure}. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        AwardBadge award = (AwardBadge) command;
        asked.add(award);
        if (failure != null) {
            throw failure;
        }
        if (!held.add(award.workerId() + "/" + award.badge())) {
            Refusal refusal = Refusal.of(WorkerErrorCode.BADGE_ALREADY_AWARDED, "Worker " + award.workerId()
                    + " already has the badge " + award.badge());
            throw new CommandExecutionException(refusal.detail(), null, refusal);
        }
        awarded.add(award);
        return null;
    }
}
