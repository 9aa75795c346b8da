package dev.gigstream.api.messaging;

import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The metadata every command and event carries for auditors: the correlation id of the request
 * (or saga run) that caused it, the acting user, and the source (api, webhook, deadline, system).
 * The current values live in the logging context (MDC) of the thread doing the work, so the same
 * values appear in the logs and in the event store.
 */
public final class AuditMetadata {

    public static final String CORRELATION_ID = "correlationId";
    public static final String USER_ID = "userId";
    public static final String SOURCE = "source";

    private AuditMetadata() {
    }

    /** Values from the current context for the keys {@code existing} does not have yet. */
    static Map<String, Object> missingFrom(Map<String, ?> existing) {
        Map<String, Object> missing = new HashMap<>();
        if (!existing.containsKey(CORRELATION_ID)) {
            String correlationId = MDC.get(CORRELATION_ID);
            missing.put(CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString());
        }
        if (!existing.containsKey(SOURCE)) {
            String source = MDC.get(SOURCE);
            missing.put(SOURCE, source != null ? source : "system");
        }
        String userId = MDC.get(USER_ID);
        if (!existing.containsKey(USER_ID) && userId != null) {
            missing.put(USER_ID, userId);
        }
        return missing;
    }

    /** Runs {@code work} with the given metadata as the logging context, restoring the previous one after. */
    static <T> T withContext(Map<String, ?> metadata, ThrowingSupplier<T> work) throws Exception {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        try {
            for (String key : new String[]{CORRELATION_ID, USER_ID, SOURCE}) {
                Object value = metadata.get(key);
                if (value != null) {
                    MDC.put(key, value.toString());
                }
            }
            return work.get();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
