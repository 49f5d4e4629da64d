package org.gamebackend.events.internal.out;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gamebackend.accounts.PlayerRegistered;
import org.gamebackend.engine.BackfillRequested;
import org.gamebackend.engine.MatchCrashed;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchStarted;
import org.gamebackend.engine.Seat;
import org.gamebackend.matchmaking.MatchMade;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.TicketQueued;
import org.gamebackend.ranking.RatingChanged;
import org.jspecify.annotations.Nullable;

/**
 * Maps each domain event to its envelope: its type, its natural key (which fixes the id) and its {@code data}. This
 * class is the wire schema; docs/events.md lists the same fields, and a change here is a change of {@code version}.
 */
final class Envelopes {

    private Envelopes() {}

    /** {@code now} is used for events that carry no time of their own. */
    static Envelope playerRegistered(PlayerRegistered e, Instant now) {
        var data = fields("player_id", e.playerId().toString(), "username", e.username(), "guest", e.guest());
        return Envelope.of(
                "player.registered",
                e.playerId().toString(),
                now,
                data,
                e.playerId().value());
    }

    static Envelope matchFinished(MatchFinished e) {
        List<Map<String, @Nullable Object>> seats =
                e.seats().stream().map(Envelopes::seat).toList();
        var data = fields(
                "match_id", e.matchId().toString(),
                "game", e.game(),
                "mode", e.mode(),
                "status", e.status(),
                "seats", seats,
                "result", e.result(),
                "started_at", e.startedAt().toString(),
                "ended_at", e.endedAt().toString());
        return Envelope.of("match.finished", e.matchId().toString(), e.endedAt(), data);
    }

    static Envelope matchCrashed(MatchCrashed e, Instant now) {
        var data = fields(
                "match_id", e.matchId().toString(),
                "game", e.game(),
                "tick", e.tick(),
                "error", e.error(),
                "restarted", e.restarted());
        return Envelope.of("match.crashed", e.matchId() + ":" + e.tick() + ":" + e.restarted(), now, data);
    }

    static Envelope backfillRequested(BackfillRequested e, Instant now) {
        var data = fields(
                "match_id", e.matchId().toString(),
                "game", e.game(),
                "mode", e.mode(),
                "seat", e.seat(),
                "team", e.team());
        return Envelope.of("match.backfill_requested", e.matchId() + ":" + e.seat(), now, data);
    }

    static Envelope matchMade(MatchMade e, Instant now) {
        var data = fields(
                "match_id", e.matchId().toString(),
                "mode", e.mode(),
                "region", e.region(),
                "tickets", e.tickets().stream().map(Object::toString).toList(),
                "rating_spread", e.ratingSpread(),
                "team_imbalance", e.teamImbalance(),
                "bots", e.bots(),
                "waits_ms", e.waitsMillis());
        // a backfill places a new ticket into a running match: the tickets tell the two apart
        return Envelope.of("match.made", e.matchId() + ":" + e.tickets(), now, data);
    }

    static Envelope ticketQueued(TicketQueued e) {
        PartyId party = e.partyId();
        var data = fields(
                "ticket_id", e.ticketId().toString(),
                "mode", e.mode(),
                "region", e.region(),
                "players", e.players().stream().map(Object::toString).toList(),
                "party_id", party == null ? null : party.toString(),
                "queued_at", e.queuedAt().toString());
        return Envelope.of(
                "ticket.queued",
                e.ticketId().toString(),
                e.queuedAt(),
                data,
                e.players().getFirst().value());
    }

    static Envelope matchStarted(MatchStarted e) {
        var data = fields(
                "match_id", e.matchId().toString(),
                "game", e.game(),
                "mode", e.mode(),
                "seats", e.seats().stream().map(Envelopes::seat).toList(),
                "started_at", e.startedAt().toString());
        return Envelope.of("match.started", e.matchId().toString(), e.startedAt(), data);
    }

    static Envelope ratingChanged(RatingChanged e, Instant now) {
        var data = fields(
                "player_id", e.player().toString(),
                "mode", e.mode(),
                "match_id", e.match().toString(),
                "season", e.season(),
                "before", e.before(),
                "after", e.after(),
                "deviation", e.deviation());
        return Envelope.of(
                "rating.changed",
                e.player() + ":" + e.match(),
                now,
                data,
                e.player().value());
    }

    private static Map<String, @Nullable Object> seat(Seat s) {
        return fields("index", s.index(), "player_id", s.player().toString(), "bot", s.bot(), "team", s.team());
    }

    /** Name/value pairs in order; values may be null (unlike {@code Map.of}). */
    private static Map<String, @Nullable Object> fields(@Nullable Object... pairs) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return map;
    }
}
