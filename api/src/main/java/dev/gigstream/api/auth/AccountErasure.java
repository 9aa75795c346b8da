package dev.gigstream.api.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.time.ZoneOffset;

/**
 * The account's part of an erasure: the row stays (money records name its id) with every personal column
 * replaced by a pseudonym, it is marked erased (and suspended, so the standing every request checks refuses
 * it), every session ends and its access tokens are denied at once.
 */
@Component
public class AccountErasure {

    /** The name an erased account is shown with. */
    public static final String ERASED_NAME = "[erased]";
    static final String REASON = "erased";

    private final JdbcClient jdbc;
    private final RefreshTokens refreshTokens;
    private final AccessTokenDenyList denyList;
    private final AccountStandings standings;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    AccountErasure(JdbcClient jdbc, RefreshTokens refreshTokens, AccessTokenDenyList denyList, AccountStandings standings,
                   PasswordEncoder passwords) {
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.refreshTokens = refreshTokens;
        this.denyList = denyList;
        this.standings = standings;
    }

    /** The e-mail an erased account keeps: unique (it holds the id) and at a domain that cannot exist. */
    public static String pseudonymousEmail(String accountId) {
        return "erased-" + accountId + "@erased.invalid";
    }

    /** Erases the account's personal columns; answers false when it was erased already (nothing is changed then). */
    public boolean erase(String accountId, Instant at) {
        int changed = jdbc.sql("""
                        UPDATE account SET email = :email, full_name = :name, phone = NULL, phone_verified_at = NULL, password_hash = :hash,
                               erased_at = :at, suspended_at = COALESCE(suspended_at, :at), suspension_reason = :reason
                        WHERE id = :id AND erased_at IS NULL""")
                .param("email", pseudonymousEmail(accountId))
                .param("name", ERASED_NAME)
                .param("hash", unknowablePassword())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("reason", REASON)
                .param("id", accountId)
                .update();
        if (changed == 0) {
            return false;
        }
        refreshTokens.revokeAllOf(accountId);
        Runnable deny = () -> {
            standings.suspended(accountId);
            denyList.suspended(accountId, at);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deny.run();
                }
            });
        } else {
            deny.run();
        }
        return true;
    }

    /** The hash of a random password no one was told: the account's own password no longer matches. */
    private String unknowablePassword() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return passwords.encode(Base64.getEncoder().encodeToString(secret));
    }

    public boolean erased(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE id = :id AND erased_at IS NOT NULL")
                .param("id", accountId).query(Long.class).single() > 0;
    }
}
