package dev.gigstream.api.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instances that process events, as they announce themselves in the application's database
 * ({@code processing_node}, on every profile): an instance refreshes its row while it runs and deletes it
 * when it stops in order. One that was not heard of for {@code aliveFor} (the claim timeout: by then its
 * claims have expired too) counts as gone; its row is deleted after {@code forgetAfter}.
 */
final class ProcessingNodes {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String nodeId;
    private final Duration aliveFor;
    private final Duration forgetAfter;

    ProcessingNodes(JdbcClient jdbc, Clock clock, String nodeId, Duration aliveFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = nodeId;
        this.aliveFor = aliveFor;
        this.forgetAfter = aliveFor.multipliedBy(100);
    }

    /** This instance is alive now. */
    void heartbeat() {
        OffsetDateTime now = now();
        int updated = jdbc.sql("UPDATE processing_node SET last_seen = :now WHERE node_id = :node")
                .param("now", now).param("node", nodeId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO processing_node (node_id, last_seen) VALUES (:node, :now)")
                    .param("node", nodeId).param("now", now).update();
        }
    }

    /** The instances heard of within {@code aliveFor}, this one always among them. */
    Set<String> alive() {
        OffsetDateTime now = now();
        jdbc.sql("DELETE FROM processing_node WHERE last_seen < :forgotten")
                .param("forgotten", now.minus(forgetAfter)).update();
        Set<String> alive = new TreeSet<>(jdbc.sql("SELECT node_id FROM processing_node WHERE last_seen > :since")
                .param("since", now.minus(aliveFor)).query(String.class).list());
        alive.add(nodeId);
        return alive;
    }

    /** This instance stops: the others' shares grow at once, instead of after {@code aliveFor}. */
    void leave() {
        jdbc.sql("DELETE FROM processing_node WHERE node_id = :node").param("node", nodeId).update();
    }

    String nodeId() {
        return nodeId;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
