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

    /**
     * A player's sink and how many subscriptions hold it. The count changes inside the map's atomic {@code compute},
     * before the subscription reaches the sink, so the last leaver can never remove a sink a newcomer is about to use.
     */
    private static final class Feed {
        final Sinks.Many<Object> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);
        int holders;
    }

    private final Map<PlayerId, Feed> feeds = new ConcurrentHashMap<>();

    public Flux<MatchFound> matchFound(PlayerId player) {
        return of(player, MatchFound.class);
    }

    public Flux<TicketUpdate> ticketUpdates(PlayerId player) {
        return of(player, TicketUpdate.class);
    }

    /** How many subscriptions the player has on this node. */
    public int subscribers(PlayerId player) {
        Feed feed = feeds.get(player);
        return feed == null ? 0 : feed.sink.currentSubscriberCount();
    }

    void publish(PlayerId player, Object notice) {
        Feed feed = feeds.get(player);
        if (feed != null) {
            synchronized (feed) {
                feed.sink.tryEmitNext(notice);
            }
        }
    }

    private <T> Flux<T> of(PlayerId player, Class<T> type) {
        return Flux.defer(() -> {
                    Feed feed = feeds.compute(player, (p, held) -> {
                        Feed f = held == null ? new Feed() : held;
                        f.holders++;
                        return f;
                    });
                    return feed.sink
                            .asFlux()
                            .doFinally(signal -> feeds.computeIfPresent(
                                    player, (p, held) -> held != feed || --held.holders > 0 ? held : null));
                })
                .ofType(type);
    }
}
