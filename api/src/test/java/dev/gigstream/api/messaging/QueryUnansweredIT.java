package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.job.FindJob;
import io.axoniq.axonserver.grpc.ErrorMessage;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerRemoteQueryHandlingException;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read whose answering instance was lost (killed while answering, its connection to Axon Server gone)
 * or did not answer in time is safe to send again: the caller gets 503 QUERY_UNANSWERED with Retry-After,
 * not 500, however the failure arrives wrapped (the gateway's future wraps it in a CompletionException,
 * executors in an ExecutionException, Axon in a QueryExecutionException). The failures are the ones the
 * Axon Server connector hands the sender, thrown here by a query handler interceptor for one job.
 */
@PostgresIT
class QueryUnansweredIT {

    @Autowired
    Api api;

    @Autowired
    QueryBus queryBus;

    private Registration failure;

    @AfterEach
    void heal() {
        if (failure != null) {
            failure.cancel();
        }
    }

    static Stream<Arguments> lostAnswers() {
        return Stream.of(
                Arguments.of("the answering instance's connection was lost", (Supplier<Exception>) () ->
                        new AxonServerException("AXONIQ-3001", "Connection lost while executing query on: gigstream-2")),
                Arguments.of("the query could not be dispatched", (Supplier<Exception>) () ->
                        new AxonServerQueryDispatchException("AXONIQ-5002", "Connection to the handling instance lost")),
                Arguments.of("the remote handler's connection failed", (Supplier<Exception>) () -> remoteFailure(
                        CONNECTION_FAILED, "Connection to Axon Server lost")),
                Arguments.of("the query timed out", (Supplier<Exception>) () -> new TimeoutException("no answer in time")),
                Arguments.of("a lost connection inside a CompletionException", (Supplier<Exception>) () ->
                        new CompletionException(new AxonServerException("AXONIQ-3001", "Connection lost"))),
                Arguments.of("a lost connection inside an ExecutionException", (Supplier<Exception>) () ->
                        new ExecutionException(new CompletionException(remoteFailure(CONNECTION_FAILED, "Connection to Axon Server lost")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostAnswers")
    void aReadWhoseAnswerWasLostAnswers503WithRetryAfter(String why, Supplier<Exception> lost) {
        var client = api.signUp("CLIENT");
        String jobId = visibleJob(client);
        failFor(jobId, lost);

        var answer = api.get("/api/v1/jobs/" + jobId, client.accessToken());

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("code").asText()).isEqualTo("QUERY_UNANSWERED");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();

        failure.cancel();
        failure = null;
        api.get("/api/v1/jobs/" + jobId, client.accessToken()).expect(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherFailures")
    void aQueryFailureUnrelatedToConnectionsStaysAnInternalError(String why, Supplier<Exception> broken) {
        var client = api.signUp("CLIENT");
        String jobId = visibleJob(client);
        failFor(jobId, broken);

        var answer = api.get("/api/v1/jobs/" + jobId, client.accessToken());

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(answer.header("Retry-After")).isNull();
    }

    static Stream<Arguments> otherFailures() {
        return Stream.of(
                Arguments.of("the remote handler failed", (Supplier<Exception>) () -> remoteFailure(QUERY_EXECUTION_ERROR,
                        "Cannot invoke \"String.length()\" because \"title\" is null")),
                Arguments.of("a handler's bug inside a CompletionException", (Supplier<Exception>) () ->
                        new CompletionException(new IllegalStateException("a bug"))));
    }

    /** Axon Server's codes for a connection lost at the answering instance, and for its handler's own failure. */
    private static final String CONNECTION_FAILED = "AXONIQ-3001";
    private static final String QUERY_EXECUTION_ERROR = "AXONIQ-5001";

    /** As the connector hands over a remote handler's failure: its message outside, its code and details inside. */
    private static QueryExecutionException remoteFailure(String code, String message) {
        ErrorMessage error = ErrorMessage.newBuilder().setErrorCode(code).setLocation("gigstream-2")
                .setMessage(message).addDetails(message).build();
        return new QueryExecutionException(message, new AxonServerRemoteQueryHandlingException(code, error));
    }

    /** A job the read model already holds, so the healed read below answers 200 rather than a not-yet-projected 404. */
    private String visibleJob(Api.User client) {
        var marketplace = new Marketplace(api);
        String jobId = marketplace.jobStartingSoon(client);
        marketplace.awaitJob(jobId, client.accessToken(), job -> true);
        return jobId;
    }

    private void failFor(String jobId, Supplier<Exception> failure) {
        this.failure = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof FindJob find && find.jobId().equals(jobId)) {
                throw failure.get();
            }
            return chain.proceed();
        });
    }
}
