package org.gamebackend.engine.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings ({@code game.engine.*}).
 *
 * @param workers tick worker threads (0 = one per core)
 * @param inputQueue inputs a match buffers between two ticks; past it new inputs are refused ({@code
 *     input_queue_full}) — the sender learns at once, and the inputs already queued keep their order
 * @param snapshotEvery ticks between in-memory snapshots a crashed match restarts from
 * @param maxRestarts restarts from snapshot before a failing match is ended as aborted
 * @param overrunLimit consecutive ticks over the tick budget that count as a failure
 * @param stallAfter a worker stuck this long in one match hands its other matches to another worker
 * @param dropGrace how long a dropped player's seat is held
 * @param resumeOnStart resume matches that were running at the last graceful shutdown, or with a durable snapshot;
 *     in cluster mode also, at each heartbeat, those of nodes that stopped or died
 * @param durableEvery how often a running match's snapshot is also written to PostgreSQL, so that a crash loses at
 *     most about this much of it (the next start resumes it from there); taken at the first in-memory snapshot after
 *     each interval; 0 = only at a graceful shutdown
 * @param nodeHeartbeat how often this node writes its row in {@code engine_nodes}, and in cluster mode looks for the
 *     matches of nodes that stopped or died
 * @param nodeTimeout a node silent this long is dead: in cluster mode the others resume its matches that have a
 *     durable snapshot and end the rest as aborted ({@code node_lost}); a node that finds itself silent over half of it
 *     gives up the matches another node has taken. At least twice {@code nodeHeartbeat}
 */
@ConfigurationProperties("game.engine")
public record EngineProperties(
        @DefaultValue("0") int workers,
        @DefaultValue("256") int inputQueue,
        @DefaultValue("100") int snapshotEvery,
        @DefaultValue("3") int maxRestarts,
        @DefaultValue("20") int overrunLimit,
        @DefaultValue("100ms") Duration stallAfter,
        @DefaultValue("30s") Duration dropGrace,
        @DefaultValue("true") boolean resumeOnStart,
        @DefaultValue("30s") Duration durableEvery,
        @DefaultValue("5s") Duration nodeHeartbeat,
        @DefaultValue("30s") Duration nodeTimeout) {

    public EngineProperties {
        if (!nodeHeartbeat.isPositive() || nodeTimeout.compareTo(nodeHeartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "game.engine.node-timeout (" + nodeTimeout + ") must be at least twice game.engine.node-heartbeat ("
                            + nodeHeartbeat + "), which must be positive");
        }
    }

    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
