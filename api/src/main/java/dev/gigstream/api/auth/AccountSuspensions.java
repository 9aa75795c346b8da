package dev.gigstream.api.auth;

import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps the accounts in step with what admins decided: a suspension marks the account (every request
 * checks the mark, as this instance remembers it: {@link AccountStandings}), ends all its sessions and puts the
 * account's access tokens issued so far on the deny list, which every instance reads; a reinstatement
 * clears the mark and the denial. It runs in a subscribing processor, inside the unit of work (and, on
 * the relational event store, the transaction) that stores the event: once the admin's request is
 * answered, the account is stopped. The deny list is told only after that transaction commits, so a
 * suspension that fails to be stored denies nothing.
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
    private final AccessTokenDenyList denyList;
    private final AccountStandings standings;

    AccountSuspensions(Accounts accounts, RefreshTokens refreshTokens, AccessTokenDenyList denyList,
                       AccountStandings standings) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.denyList = denyList;
        this.standings = standings;
    }

    @EventHandler
    void on(WorkerSuspended event, @Timestamp Instant at) {
        suspend(event.workerId().value(), event.reason(), at);
    }

    @EventHandler
    void on(ClientSuspended event, @Timestamp Instant at) {
        suspend(event.clientId(), event.reason(), at);
    }

    @EventHandler
    void on(WorkerReinstated event) {
        reinstate(event.workerId().value());
    }

    @EventHandler
    void on(ClientReinstated event) {
        reinstate(event.clientId());
    }

    private void suspend(String accountId, String reason, Instant at) {
        accounts.changeSuspension(accountId, at.atOffset(ZoneOffset.UTC), reason);
        refreshTokens.revokeAllOf(accountId);
        afterCommit(() -> {
            standings.suspended(accountId);
            denyList.suspended(accountId, at);
        });
    }

    private void reinstate(String accountId) {
        if (accounts.changeSuspension(accountId, null, null) == 0) {
            return; // no such account, or erased: erased accounts stay refused
        }
        afterCommit(() -> {
            standings.reinstated(accountId);
            denyList.reinstated(accountId);
        });
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
