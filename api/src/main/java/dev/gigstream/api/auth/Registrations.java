package dev.gigstream.api.auth;

import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.RegisterWorker;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


import java.util.Optional;

/**
 * Signs up a client or worker. For a worker the account row and the {@code WorkerRegistered} event
 * commit in one transaction (the JDBC event store shares the database), so there is never an
 * account without its worker or a worker without an account.
 */
@Component
class Registrations {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commands;

    Registrations(Accounts accounts, PasswordEncoder passwordEncoder, CommandGateway commands) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.commands = commands;
    }

    /**
     * {@code accountId}: new, or derived from the sign-up's Idempotency-Key, so that a retry registers the
     * same worker, and an account found under it with this email is the one an earlier attempt of this
     * same sign-up registered (its instance died before answering): it is answered again.
     */
    @Transactional
    Account register(String accountId, String email, String password, String fullName, String phone, Role role) {
        Optional<Account> registeredBefore = accounts.byId(accountId)
                .filter(earlier -> earlier.email().equals(Accounts.normalizeEmail(email)));
        if (registeredBefore.isPresent()) {
            return registeredBefore.get();
        }
        Account account = new Account(accountId, Accounts.normalizeEmail(email),
                passwordEncoder.encode(password), fullName.strip(), phone, role);
        accounts.create(account);
        if (role == Role.WORKER) {
            commands.sendAndWait(new RegisterWorker(WorkerId.of(account.id()), account.fullName()));
        }
        return account;
    }
}
