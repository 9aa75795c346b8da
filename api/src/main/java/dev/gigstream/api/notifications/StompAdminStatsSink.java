package dev.gigstream.api.notifications;

import dev.gigstream.messages.admin.AdminStatsView;
import dev.gigstream.messages.admin.FindAdminStats;
import dev.gigstream.query.stats.AdminStatsSink;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

import java.time.Clock;
import java.time.Duration;

/**
 * Pushes the platform's numbers to the admins subscribed on this instance to
 * {@value WebSocketConfiguration#ADMIN_STATS}, in the shape of {@code GET /api/v1/admin/stats}: at most
 * once a second, only when they changed, and only while an admin listens. A counted event makes the
 * numbers be read again every second for a few seconds, since the stats projection may count it a little
 * later than this instance hears of it. A new subscriber gets the current numbers at the next tick.
 */
@Component
class StompAdminStatsSink implements AdminStatsSink {

    /** How long after a counted event the numbers are read again, for the projection to catch up. */
    static final Duration SETTLING = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(StompAdminStatsSink.class);

    private final SimpMessagingTemplate broker;
    private final SimpUserRegistry sessions;
    private final QueryGateway queries;
    private final Clock clock;
    private volatile boolean changed;
    private volatile long changedAtNanos;
    private volatile AdminStatsView lastPushed;

    StompAdminStatsSink(SimpMessagingTemplate broker, SimpUserRegistry sessions, QueryGateway queries, Clock clock) {
        this.broker = broker;
        this.sessions = sessions;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public void statsMayHaveChanged() {
        changedAtNanos = System.nanoTime();
        changed = true;
    }

    @EventListener
    void on(SessionSubscribeEvent event) {
        if (WebSocketConfiguration.ADMIN_STATS.equals(SimpMessageHeaderAccessor.getDestination(event.getMessage().getHeaders()))) {
            lastPushed = null;
            statsMayHaveChanged();
        }
    }

    @Scheduled(fixedDelay = 1_000)
    void pushChangedStats() {
        if (!changed || System.nanoTime() - changedAtNanos > SETTLING.toNanos() || !anAdminListens()) {
            return;
        }
        try {
            AdminStatsView stats = queries.query(FindAdminStats.asOf(clock.instant()), AdminStatsView.class).join();
            if (!stats.equals(lastPushed)) {
                broker.convertAndSend(WebSocketConfiguration.ADMIN_STATS, stats);
                lastPushed = stats;
            }
        } catch (RuntimeException e) {
            log.warn("Could not push the admin stats: {}", e.getMessage());
        }
    }

    private boolean anAdminListens() {
        return !sessions.findSubscriptions(s -> WebSocketConfiguration.ADMIN_STATS.equals(s.getDestination())).isEmpty();
    }
}
