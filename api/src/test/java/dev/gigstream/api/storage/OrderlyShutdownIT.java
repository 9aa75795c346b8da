package dev.gigstream.api.storage;

import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the app stops its processors, scheduler and sessions before its data sources, and logs no error. */
@ExtendWith(OutputCaptureExtension.class)
class OrderlyShutdownIT {

    @Test
    void stoppingABusyAppLogsNoError(CapturedOutput output) {
        var app = new RestartableApp();
        var context = app.start();
        var market = new Marketplace(RestartableApp.api(context));
        var hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        int before = output.length();

        context.close();

        String shutdown = output.toString().substring(before);
        assertThat(shutdown).doesNotContain("Could not open JDBC Connection")
                .doesNotContain("\"log.level\":\"ERROR\"")
                .doesNotContain(" ERROR ");
    }
}
