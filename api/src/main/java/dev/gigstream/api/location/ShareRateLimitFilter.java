package dev.gigstream.api.location;

import dev.gigstream.api.web.ratelimit.AddressRateLimitFilter;
import dev.gigstream.api.web.ratelimit.SharedBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

/**
 * Share-link tokens cannot be guessed: besides their 256 random bits, each client address gets a
 * token bucket for looking links up ({@code GIGSTREAM_LOCATION_SHARE_RATE_LIMIT} a minute,
 * {@value #LOOKUPS_PER_MINUTE} by default: a page refreshes twice a minute). Over the limit the answer is
 * 429 with {@code Retry-After}. The address is the TCP peer, or the forwarded one behind a trusted proxy ({@code server.forward-headers-strategy}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ShareRateLimitFilter extends AddressRateLimitFilter {

    static final String LOOKUPS = "/api/v1/location-shares/{token}";
    /** The default the API's description of the look-up names. */
    static final int LOOKUPS_PER_MINUTE = 30;

    ShareRateLimitFilter(@Value("${gigstream.location.share-rate-limit.requests:${GIGSTREAM_LOCATION_SHARE_RATE_LIMIT:"
                                 + LOOKUPS_PER_MINUTE + "}}") int lookupsPerMinute,
                         SharedBuckets shared, JsonMapper json) {
        super("location-share", HttpMethod.GET, List.of(LOOKUPS), lookupsPerMinute, Duration.ofMinutes(1), shared, json,
                "Too many location-link lookups from this address");
    }
}
