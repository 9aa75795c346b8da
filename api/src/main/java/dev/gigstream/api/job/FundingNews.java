package dev.gigstream.api.job;

import dev.gigstream.api.messaging.ReadModelPositions;
import dev.gigstream.api.messaging.WritePositions;
import dev.gigstream.api.web.problems.Refusals;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindEscrow;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobErrorCode;
import dev.gigstream.messages.job.JobView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The Job learns that its escrow was funded from the lifecycle, a moment after the escrow itself: a
 * worker who checks in as soon as the escrow reads FUNDED could be refused {@code JOB_NOT_FUNDED} by a
 * Job that has not heard yet. When a refusal is that and the escrow's read model shows the funding, this
 * waits, briefly, until the sagas and policies that react to the funding have passed everything the read
 * model has seen ({@link ReadModelPositions#awaitReactionsTo}): the Job has then heard, and the command
 * may be sent again. Nothing is waited for on the way of a command that is not refused.
 */
@Component
class FundingNews {

    /** The longest a refused command waits for the Job to learn of its funding. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final QueryGateway queries;
    private final WritePositions writes;
    private final ReadModelPositions positions;

    FundingNews(QueryGateway queries, WritePositions writes, ReadModelPositions positions) {
        this.queries = queries;
        this.writes = writes;
        this.positions = positions;
    }

    /** Whether {@code refused} was the Job not knowing of a funding the escrow shows, and the Job knows now. */
    boolean reachedJobAfter(RuntimeException refused, String jobId) {
        if (!Refusals.of(refused).map(Refusal::code).filter(JobErrorCode.JOB_NOT_FUNDED.name()::equals).isPresent()) {
            return false;
        }
        boolean escrowFunded = queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .map(JobView::escrowId)
                .flatMap(escrowId -> queries.query(new FindEscrow(escrowId), ResponseTypes.optionalInstanceOf(EscrowView.class)).join())
                .filter(escrow -> escrow.status() == EscrowStatus.FUNDED)
                .isPresent();
        // the funding is in the store's head as it is once the escrow's view showed it
        return escrowFunded && positions.awaitReactionsTo(EscrowFunded.class, writes.head(), WAIT);
    }

}
