package org.gamebackend.matchmaking.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.realtime.PubSub;
import org.jspecify.annotations.Nullable;

/**
 * What matchmaking tells a player on {@code user:<id>}: {@code ticket_update} and {@code match_found}; the same goes to
 * the player's GraphQL subscriptions ({@link PlayerFeed}).
 */
final class UserPushes {

    private final PubSub pubSub;
    private final PlayerFeed feed;

    UserPushes(PubSub pubSub, PlayerFeed feed) {
        this.pubSub = pubSub;
        this.feed = feed;
    }

    /** {@code ticket_update {ticket_id, status, match_id?, reason?}} to every player of the ticket. */
    void ticket(
            Iterable<Ticket.Member> members,
            TicketId id,
            String status,
            @Nullable MatchId match,
            @Nullable String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ticket_id", id.toString());
        payload.put("status", status);
        if (match != null) {
            payload.put("match_id", match.toString());
        }
        if (reason != null) {
            payload.put("reason", reason);
        }
        PlayerFeed.TicketUpdate update = new PlayerFeed.TicketUpdate(id, status, match, reason);
        for (Ticket.Member m : members) {
            pubSub.broadcast(topic(m.player()), "ticket_update", payload);
            feed.publish(m.player(), update);
        }
    }

    /** {@code match_found {match_id, game, mode, seat, topic}}. */
    void matchFound(PlayerId player, MatchId match, String game, String mode, int seat) {
        pubSub.broadcast(
                topic(player),
                "match_found",
                Map.of(
                        "match_id", match.toString(),
                        "game", game,
                        "mode", mode,
                        "seat", seat,
                        "topic", match.topic()));
        feed.publish(player, new PlayerFeed.MatchFound(match, game, mode, seat, match.topic()));
    }

    private static String topic(PlayerId player) {
        return "user:" + player;
    }
}
