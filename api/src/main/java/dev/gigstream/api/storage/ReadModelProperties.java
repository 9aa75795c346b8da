package dev.gigstream.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the read models live. With a {@code uri} they are on that MongoDB; without one an in-process
 * MongoDB wire-protocol server serves them, kept in a file under the data directory or in memory
 * (then rebuilt by replaying the event store at start).
 */
@ConfigurationProperties("gigstream.read-models")
public record ReadModelProperties(String uri, String database, InProcessStorage inProcessStorage) {

    public enum InProcessStorage { FILE, MEMORY }

    public boolean external() {
        return uri != null && !uri.isBlank();
    }
}
