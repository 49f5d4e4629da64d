package org.gamebackend.events.internal.out;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Domain events out ({@code game.events.out.*}); docs/events.md explains each.
 *
 * @param exchange the RabbitMQ topic exchange the events go to (declared durable on first use)
 * @param confirmTimeout how long a publish waits for the broker's confirm before the event counts as not delivered
 * @param resubmitAfter incomplete publications at least this old are handed to the sink again by the recurring job
 * @param keepCompleted completed publications are deleted from the outbox once this old
 * @param maxInFlight how many events one node hands to the sink at once (a resubmitted backlog waits its turn)
 */
@ConfigurationProperties("game.events.out")
public record EventsOutProperties(
        @DefaultValue("game.events") String exchange,
        @DefaultValue("5s") Duration confirmTimeout,
        @DefaultValue("30s") Duration resubmitAfter,
        @DefaultValue("1d") Duration keepCompleted,
        @DefaultValue("32") int maxInFlight) {

    public EventsOutProperties {
        if (exchange.isBlank()) {
            throw new IllegalArgumentException("game.events.out.exchange must not be blank");
        }
        if (!confirmTimeout.isPositive()) {
            throw new IllegalArgumentException("game.events.out.confirm-timeout must be positive");
        }
        if (resubmitAfter.compareTo(confirmTimeout) <= 0) {
            // an event still waiting for its confirm would go out a second time
            throw new IllegalArgumentException("game.events.out.resubmit-after must be longer than confirm-timeout");
        }
        if (!keepCompleted.isPositive()) {
            throw new IllegalArgumentException("game.events.out.keep-completed must be positive");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("game.events.out.max-in-flight must be at least 1");
        }
    }
}
