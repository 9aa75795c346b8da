package dev.gigstream.api.idempotency;

import dev.gigstream.api.web.problems.Refusals;
import dev.gigstream.messages.common.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * What makes a command safe to send again for an endpoint taking an {@code Idempotency-Key}, when an
 * earlier request with the key may have acted without its caller learning so (503
 * {@code COMMAND_OUTCOME_UNKNOWN}, or its instance died): the ids of what the request creates are derived
 * from the caller and the key, so the retry sends the same command for the same thing, which its
 * aggregate takes as a repeat; and a refusal meaning "done already" is, for such a retry, the earlier
 * attempt's success. Without a key (or for another caller, or another key) every id is new.
 */
@Component
public class IdempotentCommands {

    /**
     * A new id for the {@code kind} of thing (job, dispute, evidence) the current request creates: when it
     * holds an Idempotency-Key, a name-based UUID of the kind, the caller, the key and the key's seed (the
     * same for all retries, a new one when the key is used again after its 24 hours); a random one
     * otherwise. The caller is part of the name, so no one else's key leads to the same id.
     */
    public String newId(String kind) {
        return claim().map(claim -> UUID.nameUUIDFromBytes(String.join("\n", "gigstream", kind, claim.caller(),
                        claim.key(), claim.idSeed()).getBytes(StandardCharsets.UTF_8)).toString())
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    /**
     * Sends the command and waits for it. When its aggregate refuses it as {@code doneAlready} and the
     * request retries one with the same key whose outcome is unknown, that earlier attempt did it: the
     * refusal is the success this request answers, as the first would have. Any other refusal stands.
     */
    public void send(CommandGateway commands, Object command, ErrorCode doneAlready) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException refused) {
            boolean earlierAttemptDidIt = claim().filter(IdempotencyKeys.Claimed::mayHaveActed).isPresent()
                    && Refusals.of(refused).filter(refusal -> refusal.code().equals(doneAlready.name())).isPresent();
            if (!earlierAttemptDidIt) {
                throw refused;
            }
        }
    }

    private static Optional<IdempotencyKeys.Claimed> claim() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(IdempotencyFilter.CLAIM, RequestAttributes.SCOPE_REQUEST)
                instanceof IdempotencyKeys.Claimed claim ? Optional.of(claim) : Optional.empty();
    }

}
