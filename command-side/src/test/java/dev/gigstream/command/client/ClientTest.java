package dev.gigstream.command.client;

import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.client.ReinstateClient;
import dev.gigstream.messages.client.SuspendClient;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientTest {

    private static final String CLIENT_ID = "5b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
    private static final String ADMIN_ID = "9a1e5c3b-27d4-4f0e-8b6a-5d2c1f0e9a77";

    private AggregateTestFixture<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
    }

    @Test
    void anAdminSuspendsAClientInGoodStanding() {
        fixture.givenNoPriorActivity()
               .when(new SuspendClient(CLIENT_ID, ADMIN_ID, "fake job posts"))
               .expectEvents(new ClientSuspended(CLIENT_ID, "fake job posts", ADMIN_ID))
               .expectState(client -> assertThat(client.suspended()).isTrue());
    }

    @Test
    void suspendingASuspendedClientChangesNothing() {
        fixture.given(new ClientSuspended(CLIENT_ID, "fake job posts", ADMIN_ID))
               .when(new SuspendClient(CLIENT_ID, ADMIN_ID, "again"))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAdminReinstatesASuspendedClient() {
        fixture.given(new ClientSuspended(CLIENT_ID, "fake job posts", ADMIN_ID))
               .when(new ReinstateClient(CLIENT_ID, ADMIN_ID, "identity verified"))
               .expectEvents(new ClientReinstated(CLIENT_ID, "identity verified", ADMIN_ID))
               .expectState(client -> assertThat(client.suspended()).isFalse());
    }

    @Test
    void reinstatingAClientInGoodStandingChangesNothing() {
        fixture.givenNoPriorActivity()
               .when(new ReinstateClient(CLIENT_ID, ADMIN_ID, "nothing to undo"))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
