package dev.gigstream.api.phone;

import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ClearPhoneVerification;
import dev.gigstream.messages.worker.RecordPhoneVerified;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a worker's aggregate, which the ranking learns from, whether their phone is verified, after the
 * account's change committed (a client has no aggregate). It sends what the account says now, not what
 * the request did: of two changes close together, the one told last tells the latest state, and the
 * Worker ignores what it knows already.
 */
@Component
class WorkerPhones {

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    WorkerPhones(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    void tell(String accountId) {
        jdbc.sql("SELECT phone_verified_at IS NOT NULL FROM account WHERE id = :id AND role = 'WORKER'")
                .param("id", accountId)
                .query(Boolean.class)
                .optional()
                .ifPresent(verified -> commands.sendAndWait(verified ? new RecordPhoneVerified(WorkerId.of(accountId))
                        : new ClearPhoneVerification(WorkerId.of(accountId))));
    }
}
