package org.gamebackend.events.internal.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.platform.ApiException;

/**
 * A token bucket (Bucket4j) per player counting events, not requests; kept in memory for ten minutes after its last
 * use. In a cluster each node limits on its own.
 */
final class IngestRateLimit {

    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(500_000)
            .build();
    private final IngestProperties props;

    IngestRateLimit(IngestProperties props) {
        this.props = props;
    }

    void take(PlayerId player, int events) {
        Bucket bucket = buckets.get(player.value(), p -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(events);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw ApiException.tooManyRequests(
                    "rate_limited",
                    "Too many events: at most " + props.ratePerSecond() + " per second (bursts of " + props.burst()
                            + "); retry in " + Math.max(1, wait.toSeconds()) + " s",
                    wait);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(props.burst())
                        .refillGreedy(props.ratePerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
