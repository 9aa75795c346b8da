package dev.gigstream.api.auth;

import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps the accounts in step with what admins decided: a suspension marks the account (every request
 * checks the mark, see {@link SuspensionCheckingJwtDecoder}) and ends all its sessions; a reinstatement
 * clears the mark. It runs in a subscribing processor, inside the unit of work (and, on the relational
 * event store, the transaction) that stores the event: once the admin's request is answered, the
 * account is stopped.
 */
@Component
@ProcessingGroup(AccountSuspensions.NAME)
class AccountSuspensions {

    static final String NAME = "account-suspensions";

    @Configuration(proxyBeanMethods = false)
    static class Processing {
        @Bean
        ConfigurerModule accountSuspensionsInTheUnitOfWork() {
            return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(NAME);
        }
    }

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;

    AccountSuspensions(Accounts accounts, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
    }

    @EventHandler
    void on(WorkerSuspended event, @Timestamp Instant at) {
        suspend(event.workerId(), event.reason(), at);
    }

    @EventHandler
    void on(ClientSuspended event, @Timestamp Instant at) {
        suspend(event.clientId(), event.reason(), at);
    }

    @EventHandler
    void on(WorkerReinstated event) {
        accounts.changeSuspension(event.workerId(), null, null);
    }

    @EventHandler
    void on(ClientReinstated event) {
        accounts.changeSuspension(event.clientId(), null, null);
    }

    private void suspend(String accountId, String reason, Instant at) {
        accounts.changeSuspension(accountId, at.atOffset(ZoneOffset.UTC), reason);
        refreshTokens.revokeAllOf(accountId);
    }
}
