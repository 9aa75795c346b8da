package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.job.ApplyToJob;
import io.axoniq.axonserver.grpc.ErrorMessage;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.Registration;
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
 * A command whose handling instance was lost, or did not answer in time, may have taken effect: the
 * caller gets 503 COMMAND_OUTCOME_UNKNOWN with Retry-After, not 500. The failures are the ones the Axon
 * Server connector hands the sender, also wrapped as futures and executors wrap them, thrown here by an
 * interceptor for one job's application.
 */
@PostgresIT
class CommandOutcomeUnknownIT {

    @Autowired
    Api api;

    @Autowired
    CommandBus commandBus;

    private Registration failure;

    @AfterEach
    void heal() {
        if (failure != null) {
            failure.cancel();
        }
    }

    static Stream<Arguments> lostConnections() {
        return Stream.of(
                Arguments.of("the dispatch failed", (Supplier<Exception>) () -> new AxonServerCommandDispatchException(
                        "AXONIQ-4003", "Connection to the handling instance lost", null)),
                Arguments.of("the handling instance's connection was lost", (Supplier<Exception>) () ->
                        new AxonServerException("AXONIQ-0001", "Connection lost while executing command on: gigstream-2")),
                Arguments.of("the remote handler's connection failed", (Supplier<Exception>) () -> remoteFailure(
                        CONNECTION_FAILED, "Connection to the event store lost")),
                Arguments.of("the command timed out", (Supplier<Exception>) () -> new TimeoutException("no answer in time")),
                Arguments.of("a lost connection inside a CompletionException", (Supplier<Exception>) () ->
                        new CompletionException(new AxonServerException("AXONIQ-3001", "Connection lost"))),
                Arguments.of("a dispatch failure inside an ExecutionException", (Supplier<Exception>) () ->
                        new ExecutionException(new CompletionException(new AxonServerCommandDispatchException(
                                "AXONIQ-4003", "Connection to the handling instance lost", null)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostConnections")
    void aCommandWhoseOutcomeIsUnknownAnswers503WithRetryAfter(String why, Supplier<Exception> lost) {
        var market = new Marketplace(api);
        String jobId = market.jobStartingSoon(api.signUp("CLIENT"));
        var worker = market.worker();
        failFor(jobId, lost);

        var answer = api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("code").asText()).isEqualTo("COMMAND_OUTCOME_UNKNOWN");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();

        failure.cancel();
        failure = null;
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherFailures")
    void anAxonServerFailureUnrelatedToConnectionsStaysAnInternalError(String why, Supplier<Exception> broken) {
        var market = new Marketplace(api);
        String jobId = market.jobStartingSoon(api.signUp("CLIENT"));
        var worker = market.worker();
        failFor(jobId, broken);

        var answer = api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken());

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(answer.header("Retry-After")).isNull();
    }

    static Stream<Arguments> otherFailures() {
        return Stream.of(
                Arguments.of("the event store is broken", (Supplier<Exception>) () ->
                        new AxonServerException("AXONIQ-9100", "Error writing the datafile")),
                Arguments.of("the remote handler failed", (Supplier<Exception>) () -> remoteFailure(COMMAND_EXECUTION_ERROR,
                        "Cannot invoke \"String.length()\" because \"title\" is null")));
    }

    /** Axon Server's codes for a connection lost at the handling instance, and for its handler's own failure. */
    private static final String CONNECTION_FAILED = "AXONIQ-3001";
    private static final String COMMAND_EXECUTION_ERROR = "AXONIQ-4002";

    /** As the connector hands over a remote handler's failure: its message outside, its code and details inside. */
    private static CommandExecutionException remoteFailure(String code, String message) {
        ErrorMessage error = ErrorMessage.newBuilder().setErrorCode(code).setLocation("gigstream-2")
                .setMessage(message).addDetails(message).build();
        return new CommandExecutionException(message, new AxonServerRemoteCommandHandlingException(code, error));
    }

    private void failFor(String jobId, Supplier<Exception> failure) {
        this.failure = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ApplyToJob apply && apply.jobId().value().equals(jobId)) {
                throw failure.get();
            }
            return chain.proceed();
        });
    }
}
