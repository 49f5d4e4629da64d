package org.gamebackend.matchmaking.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.matchmaking.TicketId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What matchmaking tells a player, as streams for GraphQL subscriptions ({@code matchFound}, {@code ticketUpdated}):
 * the same notices as {@code match_found} and {@code ticket_update} on {@code user:<id>}. One sink per player with a
 * subscriber on this node; a player with none costs nothing, and a notice for them is dropped (as a push to a
 * socket that is not connected is).
 */
public final class PlayerFeed {

    /** {@code match_found}. */
    public record MatchFound(MatchId matchId, String game, String mode, int seat, String topic) {}

    /** {@code ticket_update}. */
    public record TicketUpdate(
            TicketId ticketId,
            String status,
            @Nullable MatchId matchId,
            @Nullable String reason) {}

    /** Notices kept for a subscriber that is momentarily not asking; past that, new ones are dropped. */
    private static final int BUFFER = 64;

    private final Map<PlayerId, Sinks.Many<Object>> sinks = new ConcurrentHashMap<>();

    public Flux<MatchFound> matchFound(PlayerId player) {
        return of(player, MatchFound.class);
    }

    public Flux<TicketUpdate> ticketUpdates(PlayerId player) {
        return of(player, TicketUpdate.class);
    }

    /** How many subscriptions the player has on this node. */
    public int subscribers(PlayerId player) {
        Sinks.Many<Object> sink = sinks.get(player);
        return sink == null ? 0 : sink.currentSubscriberCount();
    }

    void publish(PlayerId player, Object notice) {
        Sinks.Many<Object> sink = sinks.get(player);
        if (sink != null) {
            synchronized (sink) {
                sink.tryEmitNext(notice);
            }
        }
    }

    private <T> Flux<T> of(PlayerId player, Class<T> type) {
        return Flux.defer(() -> sinks.computeIfAbsent(
                                player, p -> Sinks.many().multicast().onBackpressureBuffer(BUFFER, false))
                        .asFlux())
                .ofType(type)
                .doFinally(signal ->
                        sinks.computeIfPresent(player, (p, sink) -> sink.currentSubscriberCount() == 0 ? null : sink));
    }
}
