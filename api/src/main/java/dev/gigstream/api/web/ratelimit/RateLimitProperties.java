package dev.gigstream.api.web.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Rate limits for every endpoint, by group ({@code gigstream.rate-limits.groups.<name>}). A request
 * counts against the first group, lowest {@code order} first, whose paths and methods match it and
 * whose key it has: a {@code user} group only takes authenticated requests (key: the token's
 * subject), an {@code address} group takes any (key: the client address). Paths in {@code exempt},
 * and requests the login and share-link limits already counted ({@link AddressRateLimitFilter}), are
 * not counted here.
 */
@ConfigurationProperties("gigstream.rate-limits")
public record RateLimitProperties(boolean enabled, List<String> exempt, Map<String, Group> groups) {

    public RateLimitProperties {
        exempt = exempt == null ? List.of() : List.copyOf(exempt);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /**
     * @param paths   path patterns ({@code /api/v1/admin/**})
     * @param methods HTTP methods; empty for any
     * @param key     whose bucket a request takes from
     */
    public record Group(int order, List<String> paths, List<String> methods, Key key, int requests, Duration per) {

        public Group {
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? List.of() : List.copyOf(methods);
        }
    }

    public enum Key {
        /** The authenticated user (the access token's subject); anonymous requests go on to the next group. */
        USER,
        /** The client address: the TCP peer, or the forwarded one behind a trusted proxy. */
        ADDRESS
    }
}
