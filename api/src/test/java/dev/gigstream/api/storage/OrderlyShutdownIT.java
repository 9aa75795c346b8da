package dev.gigstream.api.storage;

import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app stopped by SIGTERM, as an orchestrator stops it, while its processors, sagas and
 * scheduler have work: it stops them, its scheduler and its WebSocket sessions before its data sources,
 * and logs no error doing so.
 */
class OrderlyShutdownIT {

    @Test
    void stoppingABusyAppLogsNoError() throws Exception {
        var app = new PackagedApp("orderly-shutdown-app").start();
        var market = new Marketplace(app.api());
        var hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        market.workedShift(market.hiredShift());
        int before = app.logText().length();

        int exit = app.stop();

        String shutdown = app.logText().substring(before);
        assertThat(exit).as("exit code after SIGTERM (128 + 15)").isIn(0, 143);
        assertThat(shutdown).as("what the app logged while stopping (%s)", app.log())
                .doesNotContain("Could not open JDBC Connection")
                .doesNotContain("\"level\":\"ERROR\"")
                .doesNotContain("Exception");
    }
}
