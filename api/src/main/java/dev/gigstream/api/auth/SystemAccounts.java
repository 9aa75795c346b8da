package dev.gigstream.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Creates the admin and auditor accounts from the environment at start-up and keeps their passwords
 * in step with it. Refuses to start if the email belongs to a registered client or worker: such an
 * account must never be promoted silently.
 */
@Component
class SystemAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SystemAccounts.class);

    private final AuthProperties properties;
    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;

    SystemAccounts(AuthProperties properties, Accounts accounts, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensure(properties.admin(), Role.ADMIN, "GIGSTREAM_ADMIN");
        ensure(properties.auditor(), Role.AUDITOR, "GIGSTREAM_AUDITOR");
    }

    private void ensure(AuthProperties.Credentials credentials, Role role, String variable) {
        if (credentials == null || !credentials.configured()) {
            log.info("No {} account configured ({}_EMAIL is not set)", role, variable);
            return;
        }
        String email = Accounts.normalizeEmail(credentials.email());
        String password = credentials.password();
        if (password == null || PasswordPolicy.weakness(password, email).isPresent()) {
            throw new IllegalStateException(variable + "_PASSWORD " + (password == null ? "is not set"
                    : PasswordPolicy.weakness(password, email).get()));
        }
        var existing = accounts.byEmail(email);
        if (existing.isEmpty()) {
            accounts.create(new Account(UUID.randomUUID().toString(), email, passwordEncoder.encode(password),
                    role == Role.ADMIN ? "Administrator" : "Auditor", null, role));
            log.info("Created the {} account {}", role, email);
        } else if (existing.get().role() != role) {
            throw new IllegalStateException(variable + "_EMAIL " + email + " belongs to a " + existing.get().role()
                    + " account; choose another address");
        } else if (!passwordEncoder.matches(password, existing.get().passwordHash())) {
            accounts.changePasswordHash(existing.get().id(), passwordEncoder.encode(password));
            log.info("Updated the password of the {} account {} from the environment", role, email);
        }
    }
}
