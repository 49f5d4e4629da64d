package org.gamebackend.realtime.internal;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gamebackend.accounts.PlayerId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Counts sockets per player and in all, so that the handshake can refuse with an HTTP status before the upgrade
 * instead of failing in accept() when the process runs out of file descriptors.
 */
final class ConnectionLimits {

    private final int perPlayer;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<PlayerId, Integer> byPlayer = new ConcurrentHashMap<>();

    ConnectionLimits(RealtimeProperties props) {
        this.perPlayer = props.maxConnectionsPerPlayer();
        this.total = props.maxConnections() > 0 ? props.maxConnections() : fromFileLimit(props.reservedFiles());
    }

    private static int fromFileLimit(int reserved) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, os.getMaxFileDescriptorCount() - reserved));
        }
        return Integer.MAX_VALUE;
    }

    int total() {
        return total;
    }

    /** A lease, or the HTTP status to refuse with. */
    sealed interface Admission permits Lease, Refused {}

    record Refused(HttpStatus status) implements Admission {}

    Admission admit(PlayerId player) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return new Refused(HttpStatus.SERVICE_UNAVAILABLE);
        }
        boolean[] admitted = {false};
        byPlayer.compute(player, (p, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perPlayer;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            return new Refused(HttpStatus.TOO_MANY_REQUESTS);
        }
        return new Lease(player);
    }

    /** One admitted socket; released exactly once when it closes (or its upgrade fails). */
    final class Lease implements Admission {
        private final PlayerId player;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(PlayerId player) {
            this.player = player;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                byPlayer.computeIfPresent(player, (p, count) -> count <= 1 ? null : (@Nullable Integer) (count - 1));
            }
        }
    }
}
