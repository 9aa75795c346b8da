package dev.gigstream.api.moderation;

import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.worker.WorkerSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A suspension decides the open abuse reports about the suspended user: they are closed with it, by the
 * admin who suspended and with the suspension's reason. It runs with the account's own suspension
 * ({@code account-suspensions}, a subscribing processor), inside the unit of work that stores the event,
 * so the admin's answer already counts them; a suspension that changes nothing (a repeat) closes nothing.
 */
@Component
@ProcessingGroup("account-suspensions")
class SuspensionClosesReports {

    private final AbuseReports reports;

    SuspensionClosesReports(AbuseReports reports) {
        this.reports = reports;
    }

    @EventHandler
    void on(WorkerSuspended event) {
        reports.closeAllAbout(event.workerId().value(), event.adminId(), "Suspended: " + event.reason());
    }

    @EventHandler
    void on(ClientSuspended event) {
        reports.closeAllAbout(event.clientId(), event.adminId(), "Suspended: " + event.reason());
    }
}
