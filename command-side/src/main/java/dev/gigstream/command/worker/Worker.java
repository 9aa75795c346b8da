package dev.gigstream.command.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ApplicantStanding;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.AwardBadge;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.ClearPhoneVerification;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumExtended;
import dev.gigstream.messages.worker.PremiumRenewalStopped;
import dev.gigstream.messages.worker.PremiumRequested;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.RecordPhoneVerified;
import dev.gigstream.messages.worker.RecordWorkerOnline;
import dev.gigstream.messages.worker.RegisterWorker;
import dev.gigstream.messages.worker.ReinstateWorker;
import dev.gigstream.messages.worker.RequestPremium;
import dev.gigstream.messages.worker.Skills;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import dev.gigstream.messages.worker.SuspendWorker;
import dev.gigstream.messages.worker.UpdateWorkerProfile;
import dev.gigstream.messages.worker.WorkerPhoneVerificationCleared;
import dev.gigstream.messages.worker.WorkerPhoneVerified;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person who takes shifts: their skills, where they live, when they work and where they are paid,
 * their premium periods (each paid period ends by a persistent deadline unless renewed) and their
 * badges (each once), and whether their phone number is verified (the number and its codes live in the
 * account, which the edge changes first). Created when a WORKER account registers; the account id is the worker id.
 * <p>
 * Snapshotted as its fields: raise the {@code @Revision} whenever a field (or a member's) changes, so
 * that older snapshots are passed over rather than misread (docs/architecture.md).
 */
@Aggregate(snapshotTriggerDefinition = "workerSnapshots")
@Revision("2")
public class Worker {

    static final int MAX_SKILLS = 30;
    static final String PREMIUM_END = "premium-end";
    static final int MAX_AVAILABILITY_WINDOWS = 28;
    static final Duration ONLINE_RESOLUTION = Duration.ofMinutes(1);

    @AggregateIdentifier
    private WorkerId workerId;
    private String registeredName;
    private List<String> skills = List.of();
    private String bio;
    private GeoPoint home;
    private List<AvailabilityWindow> availability = List.of();
    private PayoutAccount payout;
    private boolean hasProfile;
    private boolean suspended;
    private boolean premium;
    private boolean phoneVerified;
    private Instant lastOnlineAt;
    private Instant premiumUntil;
    private boolean renews;
    private final Set<Badge> badges = EnumSet.noneOf(Badge.class);

    protected Worker() {
    }

    /**
     * Creates the worker, or finds them registered already: the edge derives an account's id from the
     * sign-up's Idempotency-Key, so a retry whose first answer was lost sends the same command again.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterWorker command) {
        if (workerId != null && !Objects.equals(registeredName, command.fullName())) {
            throw WorkerRefused.idTaken(workerId);
        }
        if (workerId != null) {
            return; // the same registration sent again: registered already
        }
        apply(new WorkerRegistered(command.workerId(), command.fullName()));
    }

    @CommandHandler
    public void handle(UpdateWorkerProfile command) {
        List<String> normalSkills = normalSkills(command);
        if (normalSkills.isEmpty()) {
            throw WorkerRefused.noSkills(workerId);
        }
        if (normalSkills.size() > MAX_SKILLS) {
            throw WorkerRefused.tooManySkills(workerId, normalSkills.size(), MAX_SKILLS);
        }
        List<AvailabilityWindow> windows = command.availability();
        if (windows.size() > MAX_AVAILABILITY_WINDOWS) {
            throw WorkerRefused.tooManyAvailabilityWindows(workerId, windows.size(), MAX_AVAILABILITY_WINDOWS);
        }
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                if (windows.get(i).overlaps(windows.get(j))) {
                    throw WorkerRefused.overlappingAvailability(workerId, windows.get(i), windows.get(j));
                }
            }
        }
        if (isCurrentProfile(normalSkills, command)) {
            return;
        }
        apply(new WorkerProfileUpdated(workerId, normalSkills, command.bio(), command.home(), windows,
                command.payout()));
    }

    /** Each badge once: the badge policy may ask again after a rebuild of its progress. */
    @CommandHandler
    public void handle(AwardBadge command) {
        if (badges.contains(command.badge())) {
            throw WorkerRefused.badgeAlreadyAwarded(workerId, command.badge());
        }
        apply(new BadgeAwarded(workerId, command.badge(), command.at()));
    }

    @CommandHandler
    public void handle(SuspendWorker command) {
        if (!suspended) {
            apply(new WorkerSuspended(workerId, command.reason(), command.adminId()));
        }
    }

    @CommandHandler
    public void handle(ReinstateWorker command) {
        if (suspended) {
            apply(new WorkerReinstated(workerId, command.reason(), command.adminId()));
        }
    }

    @CommandHandler
    public void handle(RequestPremium command) {
        if (premium) {
            throw WorkerRefused.alreadyPremium(workerId, premiumUntil);
        }
        apply(new PremiumRequested(workerId, command.reference()));
    }

    /**
     * A paid premium period: it starts premium or extends it, and its end is a persistent deadline.
     * A deadline of a period that was extended afterwards finds premium still running and does nothing.
     */
    @CommandHandler
    public void handle(ExtendPremium command, DeadlineManager deadlines) {
        if (premium && !command.until().isAfter(premiumUntil)) {
            return; // the same period reported again, or an older one
        }
        apply(premium ? new PremiumExtended(workerId, command.until()) : new PremiumStarted(workerId, command.until()));
        deadlines.schedule(command.until(), PREMIUM_END, command.until());
    }

    @CommandHandler
    public void handle(StopPremiumRenewal command) {
        if (premium && renews) {
            apply(new PremiumRenewalStopped(workerId, premiumUntil, command.reason()));
        }
    }

    @DeadlineHandler(deadlineName = PREMIUM_END)
    void endPremium(Instant periodEnd) {
        if (premium && !premiumUntil.isAfter(periodEnd)) {
            apply(new PremiumEnded(workerId, periodEnd));
        }
    }

    /** Throttled: a worker is recorded online at most once per minute, however many requests they make. */
    @CommandHandler
    public void handle(RecordWorkerOnline command) {
        if (lastOnlineAt == null || !command.at().isBefore(lastOnlineAt.plus(ONLINE_RESOLUTION))) {
            apply(new WorkerWentOnline(workerId, command.at()));
        }
    }

    /** Sent again after the account changed however often: a worker already verified records nothing more. */
    @CommandHandler
    public void handle(RecordPhoneVerified command) {
        if (!phoneVerified) {
            apply(new WorkerPhoneVerified(workerId));
        }
    }

    @CommandHandler
    public void handle(ClearPhoneVerification command) {
        if (phoneVerified) {
            apply(new WorkerPhoneVerificationCleared(workerId));
        }
    }

    /** What a job checks before it takes this worker's application, as {@link WorkerStandingsTable} mirrors it. */
    ApplicantStanding standing() {
        return new ApplicantStanding(hasProfile, suspended);
    }

    private List<String> normalSkills(UpdateWorkerProfile command) {
        try {
            return Skills.normalize(command.skills());
        } catch (IllegalArgumentException e) {
            throw WorkerRefused.invalidSkill(workerId, e.getMessage());
        }
    }

    private boolean isCurrentProfile(List<String> normalSkills, UpdateWorkerProfile command) {
        return normalSkills.equals(skills)
                && Objects.equals(command.bio(), bio)
                && Objects.equals(command.home(), home)
                && command.availability().equals(availability)
                && Objects.equals(command.payout(), payout);
    }

    @EventSourcingHandler
    void on(WorkerRegistered event) {
        workerId = event.workerId();
        registeredName = event.fullName();
    }

    @EventSourcingHandler
    void on(WorkerProfileUpdated event) {
        skills = event.skills();
        bio = event.bio();
        home = event.home();
        availability = event.availability();
        payout = event.payout();
        hasProfile = true;
    }

    @EventSourcingHandler
    void on(WorkerSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(WorkerReinstated event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(PremiumStarted event) {
        premium = true;
        renews = true;
        premiumUntil = event.until();
    }

    @EventSourcingHandler
    void on(PremiumExtended event) {
        renews = true;
        premiumUntil = event.until();
    }

    @EventSourcingHandler
    void on(PremiumRenewalStopped event) {
        renews = false;
    }

    @EventSourcingHandler
    void on(PremiumEnded event) {
        premium = false;
        premiumUntil = null;
    }

    @EventSourcingHandler
    void on(WorkerWentOnline event) {
        lastOnlineAt = event.at();
    }

    @EventSourcingHandler
    void on(WorkerPhoneVerified event) {
        phoneVerified = true;
    }

    @EventSourcingHandler
    void on(WorkerPhoneVerificationCleared event) {
        phoneVerified = false;
    }

    @EventSourcingHandler
    void on(BadgeAwarded event) {
        badges.add(event.badge());
    }
}
