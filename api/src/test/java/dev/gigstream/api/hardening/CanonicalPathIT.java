package dev.gigstream.api.hardening;

import dev.gigstream.api.hardening.OpenApiDocument.Operation;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.web.ratelimit.AddressRateLimitFilter;
import dev.gigstream.api.web.ratelimit.RateLimitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A path has one spelling: the rate limits, the security rules and the router all see the same one,
 * so no limit is walked around by spelling its path differently. Every documented path spelled
 * non-canonically is refused before anything else; and once the bucket of a limited path is spent,
 * no spelling of that path (encoded, doubled slash, dot segments, {@code ;} parameters, another case,
 * a trailing slash) reaches its handler. The limited paths come from the limit filters and the
 * configured groups, not from a list kept here.
 */
@PostgresIT
@TestPropertySource(properties = {
        "server.forward-headers-strategy=native",
        "gigstream.auth.rate-limit.requests=3",
        "gigstream.location.share-rate-limit.requests=3",
        "gigstream.rate-limits.groups.webhooks.requests=3",
        "gigstream.rate-limits.groups.admin.requests=3",
        "gigstream.rate-limits.groups.writes.requests=3",
        "gigstream.rate-limits.groups.reads.requests=3",
        "gigstream.rate-limits.groups.public.requests=3",
        "gigstream.rate-limits.groups.data-export.requests=3"})
class CanonicalPathIT {

    /** Answers that come before any handler: the limit, the spelling, the router, the missing token. */
    private static final Set<String> REFUSED_BEFORE_THE_HANDLER = Set.of("RATE_LIMITED", "NON_CANONICAL_PATH",
            "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNAUTHENTICATED");

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    Api api;

    @Autowired
    List<AddressRateLimitFilter> addressLimits;

    @Autowired
    RateLimitProperties groups;

    /** The spellings of a path that decode or normalise to it, each named. */
    static Map<String, String> nonCanonical(String path) {
        int last = path.lastIndexOf('/');
        String head = path.substring(0, last);
        String tail = path.substring(last + 1);
        char first = tail.charAt(0);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("an encoded character", head + "/" + "%" + Integer.toHexString(first) + tail.substring(1));
        variants.put("an encoded character in upper-case hex",
                head + "/" + "%" + Integer.toHexString(first).toUpperCase(Locale.ROOT) + tail.substring(1));
        variants.put("a doubled slash", head + "//" + tail);
        variants.put("a dot segment", head + "/./" + tail);
        variants.put("a dot-dot segment", head + "/x/../" + tail);
        variants.put("an encoded dot segment", head + "/%2e/" + tail);
        variants.put("a matrix parameter", head + "/" + tail + ";v=1");
        variants.put("a matrix parameter inside", head + ";v=1/" + tail);
        variants.put("an encoded slash", head + "%2F" + tail);
        return variants;
    }

    /** Spellings the router does not take for the path: it refuses them, or they count against the same bucket. */
    static Map<String, String> otherSpellings(String path) {
        Map<String, String> variants = new LinkedHashMap<>(nonCanonical(path));
        variants.put("upper case", path.toUpperCase(Locale.ROOT));
        variants.put("a trailing slash", path + "/");
        return variants;
    }

    @Test
    void everyDocumentedPathSpelledNonCanonicallyIsRefusedBeforeAnything() {
        var worker = api.signUp("WORKER");
        List<String> wrong = new ArrayList<>();
        for (Operation operation : OpenApiDocument.of(api).operations()) {
            String path = concrete(operation.path());
            nonCanonical(path).forEach((variant, spelled) -> {
                for (String token : new String[]{null, worker.accessToken()}) {
                    var answer = api.send(operation.method(), spelled, body(operation.method()), token, Map.of());
                    String code = answer.isProblem() ? answer.json().path("code").asText() : "";
                    if (answer.status() != 400 || !code.equals("NON_CANONICAL_PATH")) {
                        wrong.add(operation.key() + " with " + variant + " (" + spelled + ")" + (token == null ? "" : " as a worker")
                                + ": " + answer.status() + " " + code);
                    }
                }
            });
        }
        assertThat(wrong).as("non-canonical spellings not refused with 400 NON_CANONICAL_PATH").isEmpty();
    }

    @Test
    void onceALimitedPathsBucketIsSpentNoSpellingOfItReachesItsHandler() {
        List<Limited> limited = new ArrayList<>();
        for (AddressRateLimitFilter filter : addressLimits) {
            for (String pattern : filter.paths()) {
                limited.add(new Limited("the " + filter.getClass().getSimpleName(), filter.method().name(), concrete(pattern), null));
            }
        }
        List<Operation> operations = OpenApiDocument.of(api).operations().stream()
                .sorted(Comparator.comparingInt(operation -> operation.pathParameters().size()))
                .toList();
        List<Map.Entry<String, RateLimitProperties.Group>> inOrder = groups.groups().entrySet().stream()
                .sorted(Comparator.comparingInt(group -> group.getValue().order())).toList();
        for (int i = 0; i < inOrder.size(); i++) {
            var group = inOrder.get(i);
            boolean perUser = group.getValue().key() == RateLimitProperties.Key.USER;
            // each per-user group's path as a user of its own: the other spellings of one group's path are counted
            // by a later group (reads, writes), whose bucket a shared user would find spent
            firstCountedBy(group.getValue(), inOrder.subList(0, i), operations, limited)
                    .ifPresent(operation -> limited.add(new Limited("group " + group.getKey(), operation.method(),
                            concrete(operation.path()), perUser ? workerSignedUpFromAnAddressOfItsOwn() : null)));
        }
        assertThat(limited).as("limited paths found").hasSizeGreaterThanOrEqualTo(6);

        List<String> bypasses = new ArrayList<>();
        for (Limited path : limited) {
            Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100." + ADDRESSES.incrementAndGet());
            var first = api.send(path.method(), path.path(), body(path.method()), path.token(), from);
            assertThat(first.status()).as(path + " answers").isLessThan(500);
            String handlersCode = first.isProblem() ? first.json().path("code").asText() : "";
            assertThat(REFUSED_BEFORE_THE_HANDLER).as(path + " is answered by its handler").doesNotContain(handlersCode);
            int sent = 1;
            while (api.send(path.method(), path.path(), body(path.method()), path.token(), from).status() != 429) {
                assertThat(++sent).as(path + " is limited").isLessThan(10);
            }
            otherSpellings(path.path()).forEach((variant, spelled) -> {
                var answer = api.send(path.method(), spelled, body(path.method()), path.token(), from);
                String code = answer.isProblem() ? answer.json().path("code").asText() : "";
                if (!REFUSED_BEFORE_THE_HANDLER.contains(code)) {
                    bypasses.add(path + " spelled with " + variant + " (" + spelled + ") after its bucket was spent: "
                            + answer.status() + " " + code);
                }
            });
        }
        assertThat(bypasses).as("spellings that reached the handler of a limited path").isEmpty();
    }

    /** A new worker's access token, signed up and in from an address no other request uses (auth is limited to 3 here). */
    private String workerSignedUpFromAnAddressOfItsOwn() {
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100." + ADDRESSES.incrementAndGet());
        String email = "worker-" + java.util.UUID.randomUUID() + "@example.com";
        api.send("POST", "/api/v1/auth/register", Api.registration(email, "WORKER"), null, from).expect(201);
        return api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD), null, from)
                .expect(200).json().get("accessToken").asText();
    }

    /** A limited path, sent as whom the limit counts (a token for a per-user group). */
    private record Limited(String by, String method, String path, String token) {
        @Override
        public String toString() {
            return method + " " + path + " (" + by + ")";
        }
    }

    /**
     * The first documented operation (fewest path parameters first) that the group counts: its method
     * and path match the group, it is public for a per-address group and needs a token for a per-user
     * one, and neither an address limit nor an earlier group takes it.
     */
    private static java.util.Optional<Operation> firstCountedBy(RateLimitProperties.Group group,
                                                               List<Map.Entry<String, RateLimitProperties.Group>> earlier,
                                                               List<Operation> operations, List<Limited> taken) {
        boolean perUser = group.key() == RateLimitProperties.Key.USER;
        return operations.stream()
                .filter(operation -> matches(group, operation))
                .filter(operation -> isPublic(operation) != perUser)
                .filter(operation -> earlier.stream().noneMatch(before -> matches(before.getValue(), operation)
                        && (perUser || before.getValue().key() == RateLimitProperties.Key.ADDRESS)))
                .filter(operation -> taken.stream().noneMatch(limited -> limited.method().equals(operation.method())
                        && PathPatternParser.defaultInstance.parse(operation.path()).matches(PathContainer.parsePath(limited.path()))))
                .findFirst();
    }

    private static boolean matches(RateLimitProperties.Group group, Operation operation) {
        return (group.methods().isEmpty() || group.methods().stream().anyMatch(method -> method.trim().equalsIgnoreCase(operation.method())))
                && group.paths().stream().anyMatch(path -> PathPatternParser.defaultInstance.parse(path.trim())
                .matches(PathContainer.parsePath(concrete(operation.path()))));
    }

    private static boolean isPublic(Operation operation) {
        return operation.node().path("security").isArray() && operation.node().path("security").isEmpty();
    }

    private static String body(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") ? null : "{}";
    }

    /** The path with its parameters filled in (random ids; a 43-character token where a share token goes). */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{token}", "t" + UUID.randomUUID().toString().replace("-", "") + "0123456789a")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
                .replace("/**", "/x");
    }
}
