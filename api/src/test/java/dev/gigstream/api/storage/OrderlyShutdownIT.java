package dev.gigstream.api.storage;

import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app stopped by SIGTERM, as an orchestrator stops it, on each profile: it stops its
 * processors and the event store's readers, its scheduler, its WebSocket sessions and what uses Redis
 * before its data sources and the Redis client, and logs no error doing so, nor the warnings of a
 * reader or client that outlived what it reads from ("stream has been closed", "connection is already
 * closed"). On the embedded default this holds for the H2 database too, which closed itself on the
 * JVM's exit while the app was still stopping.
 */
class OrderlyShutdownIT {

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("embedded default", (Supplier<PackagedApp>) () -> PackagedApp.embedded("orderly-shutdown-embedded")),
                Arguments.of("postgres with Redis", (Supplier<PackagedApp>) () ->
                        new PackagedApp("orderly-shutdown-postgres").withRedis()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void stoppingABusyAppLogsNoError(String profile, Supplier<PackagedApp> packaged) throws Exception {
        var app = packaged.get().start();
        var market = new Marketplace(app.api());
        var hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        market.workedShift(market.hiredShift());
        int before = app.logText().length();

        int exit = app.stop();

        assertQuietStop(app, exit, app.logText().substring(before));
    }

    /** The window the first report came from: the processors are still catching up with the stream. */
    @Test
    void stoppingTheEmbeddedAppRightAfterItStartedLogsNoError() throws Exception {
        var app = PackagedApp.embedded("orderly-shutdown-right-after-start").start();
        int before = app.logText().length();

        int exit = app.stop();

        assertQuietStop(app, exit, app.logText().substring(before));
    }

    private static void assertQuietStop(PackagedApp app, int exit, String shutdown) {
        assertThat(exit).as("exit code after SIGTERM (128 + 15)").isIn(0, 143);
        assertThat(shutdown).as("what the app (%s) logged while stopping (%s)", app, app.log())
                .doesNotContain("Could not open JDBC Connection")
                .doesNotContain("\"level\":\"ERROR\"")
                .doesNotContainIgnoringCase("stream has been closed")
                .doesNotContainIgnoringCase("connection is already closed")
                .doesNotContain("Exception");
    }
}
