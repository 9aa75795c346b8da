package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.job.ApplyToJob;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.BatchUpdateException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that lost a race for its aggregate's next sequence number is sent again; a refusal is not. */
@PostgresIT
class ConcurrentCommandRetryIT {

    @Autowired
    Api api;

    @Autowired
    CommandBus commandBus;

    private Registration interceptor;

    @AfterEach
    void remove() {
        if (interceptor != null) {
            interceptor.cancel();
        }
    }

    @Test
    void aCommandThatLostARaceIsSentAgainAndARefusalIsNot() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        AtomicInteger attempts = new AtomicInteger();
        interceptor = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ApplyToJob apply && apply.jobId().value().equals(jobId)
                    && attempts.incrementAndGet() == 1) {
                // as the event store reports a lost race: caused by the database's duplicate key
                throw new ConcurrencyException("An event for aggregate [" + jobId + "] at sequence [1] was already inserted",
                        new BatchUpdateException("duplicate key value violates unique constraint", "23505", new int[0]));
            }
            return chain.proceed();
        });

        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        assertThat(attempts).as("sent again after the conflict").hasValue(2);

        var again = api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_APPLIED");
        assertThat(attempts).as("a refusal is answered at once").hasValue(3);
    }
}
