package dev.gigstream.api.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.gigstream.api.messaging.AuditMetadata;
import dev.gigstream.api.messaging.CommittedEvents;
import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.api.redis.InstanceChannels;
import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.web.ratelimit.EndpointRateLimitFilter;
import dev.gigstream.api.web.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Stateless bearer-token security. Public: sign-up, login, refresh, health, the API
 * documentation, live-location share links and the admin dashboard page (its data needs an admin
 * token); everything else needs a valid access token, and object-level checks happen in the
 * controllers. Failures answer with problem details: 401 with
 * {@code WWW-Authenticate: Bearer}, 403. Access tokens that were logged out, of a login that ended or
 * of a suspended account are refused, and the role that counts is the account's current one
 * ({@link RevocationCheckingJwtDecoder}); money and admin endpoints also refuse
 * while that cannot be checked ({@link TokenCheckRequiredFilter}). Requests that passed are rate
 * limited per user or client address ({@link EndpointRateLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String BCRYPT = "bcrypt";

    /** How long the deny list leaves Redis alone after it failed to answer. */
    static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(5);

    /**
     * The payments sandbox's Paystack API and pages (docs/payments.md) have a chain of their own: open to
     * anyone, and the sandbox's API reads its {@code Authorization: Bearer sk_...} itself, which the API's
     * chain would take for an access token. Outside sandbox mode nothing serves these paths: 404, not 401.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain sandbox(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox", "/sandbox/**")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, AccessTokenDenyList denyList,
                            EndpointRateLimitFilter rateLimits) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
                            "/api/v1/auth/refresh").permitAll()
                    // Paystack signs its webhooks; the controller checks the signature on the raw body
                    .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/paystack").permitAll()
                    // Termii signs its delivery reports; the controller checks the signature on the raw body
                    .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/termii").permitAll()
                    // the WebSocket handshake; STOMP's CONNECT frame carries the access token (StompAuthentication)
                    .requestMatchers(HttpMethod.GET, "/ws").permitAll()
                    // live-location safety links: the token in the path is the credential (rate limited per address)
                    .requestMatchers(HttpMethod.GET, "/api/v1/location-shares/**", "/share/**").permitAll()
                    // the admin dashboard's page, style and script; the page signs in and calls the API with a token
                    .requestMatchers(HttpMethod.GET, "/admin", "/admin/admin.css", "/admin/admin.js").permitAll()
                    // the metrics have a chain of their own (MetricsSecurityConfiguration)
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                    .requestMatchers("/error").permitAll()
                    .anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roleFromClaim()))
                    .authenticationEntryPoint((request, response, e) -> unauthorized(response, json, e))
                    .accessDeniedHandler((request, response, e) -> forbidden(response, json)))
            .exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint((request, response, e) -> unauthorized(response, json, e))
                    .accessDeniedHandler((request, response, e) -> forbidden(response, json)))
            .addFilterAfter(new TokenCheckRequiredFilter(denyList, json), BearerTokenAuthenticationFilter.class)
            .addFilterAfter(new UserContextFilter(), TokenCheckRequiredFilter.class)
            // per user, so after authentication; after authorization, so a request without a token is 401, not 429
            .addFilterAfter(rateLimits, AuthorizationFilter.class);
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, JsonMapper json, AuthenticationException e)
            throws IOException {
        if (e.getCause() instanceof RevokedAccessTokenException revoked) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, revoked.code(), revoked.getMessage()));
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "A valid access token is required (Authorization: Bearer ...)"));
    }

    static void forbidden(HttpServletResponse response, JsonMapper json) throws IOException {
        Problems.write(response, json, Problems.forbidden());
    }

    /** The decoder has already put the account's current role in the claim. */
    static JwtAuthenticationConverter roleFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(AccessTokens.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    SecretKey accessTokenKey(AuthProperties properties, @Value("${gigstream.data-dir}") Path dataDir) {
        return SigningKey.resolve(properties, dataDir);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
    }

    /**
     * Access tokens signed by us, with an expiry and an id (a token without {@code exp} would never end,
     * one without {@code jti} could not be logged out alone), not revoked, of accounts that exist and are
     * not suspended, and speaking with the account's current role.
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey accessTokenKey, AccessTokenDenyList denyList, AccountStandings standings, Clock clock,
                          @Value("${gigstream.auth.verified-tokens:10000}") long verifiedTokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(accessTokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.JTI, jti -> jti != null && !jti.isBlank())));
        return new RevocationCheckingJwtDecoder(new VerifiedTokens(decoder, clock, verifiedTokens), denyList, standings);
    }

    /**
     * The accounts' standing in memory: loaded from PostgreSQL on first use, kept in step by the
     * suspension events this instance follows and the revocations every instance hears.
     */
    @Bean
    AccountStandings accountStandings(Accounts accounts, CommittedEvents committedEvents,
                                      @Value("${gigstream.auth.account-standings:100000}") long size,
                                      @Value("${gigstream.auth.account-standing-lifetime:10m}") Duration lifetime) {
        AccountStandings standings = new AccountStandings(accounts, size, lifetime);
        committedEvents.onEach(WorkerSuspended.class, event -> standings.suspended(event.workerId().value()));
        committedEvents.onEach(ClientSuspended.class, event -> standings.suspended(event.clientId()));
        committedEvents.onEach(WorkerReinstated.class, event -> standings.reinstated(event.workerId().value()));
        committedEvents.onEach(ClientReinstated.class, event -> standings.reinstated(event.clientId()));
        return standings;
    }

    /** Across instances through Redis pub/sub when Redis is configured, else to this instance alone. */
    @Bean
    RevocationBroadcast revocationBroadcast(ApplicationEventPublisher events, InstanceChannels instances,
                                            RedisProperties redisProperties) {
        return new RevocationBroadcast(events, instances, redisProperties.key("access-tokens-revoked"));
    }

    /** Shared through Redis when it is configured, else this instance's own. */
    @Bean
    AccessTokenDenyList accessTokenDenyList(ObjectProvider<StringRedisTemplate> redis, RedisProperties redisProperties,
                                            Clock clock, AuthProperties properties, RevocationBroadcast broadcast) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            return new AccessTokenDenyList(clock, properties.accessTokenTtl(), broadcast::announce);
        }
        return new AccessTokenDenyList(new LocalDenyList(), new RedisDenyList(template, redisProperties),
                new RedisCircuit("the access-token deny list",
                        "tokens are checked against this instance's list only: reads and ordinary commands go on, "
                                + "money and admin endpoints answer 503 TOKEN_CHECK_UNAVAILABLE", RETRY_REDIS_AFTER),
                clock, properties.accessTokenTtl(), broadcast::announce);
    }

    @Bean
    AccessTokens accessTokens(JwtEncoder jwtEncoder, Clock clock, AuthProperties properties) {
        return new AccessTokens(jwtEncoder, clock, properties.accessTokenTtl());
    }

    /**
     * bcrypt at {@code gigstream.auth.password-hash-cost} ({@code GIGSTREAM_AUTH_PASSWORD_HASH_COST}, 10: about
     * 0.1 s a hash on one core), stored as {@code {bcrypt}...}: a hash made at another cost still matches, so the
     * cost can be raised without a reset.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${gigstream.auth.password-hash-cost:10}") int cost) {
        return new DelegatingPasswordEncoder(BCRYPT, Map.of(BCRYPT, new BCryptPasswordEncoder(cost)));
    }

    /** Puts the authenticated account id into the logging context, and from there into command metadata. */
    static final class UserContextFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                MDC.put(AuditMetadata.USER_ID, authentication.getName());
            }
            chain.doFilter(request, response);
        }
    }
}
