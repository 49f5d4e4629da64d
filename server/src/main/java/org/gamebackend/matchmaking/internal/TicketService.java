package org.gamebackend.matchmaking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.BackfillRequested;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.Matches;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.Ratings;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.matchmaking.TicketQueued;
import org.gamebackend.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Queue, cancel and look up tickets — for REST and the socket alike. Validates at the edge, stores the ticket (the
 * database refuses a second active ticket for a player), then hands it to the {@link Matchmaker}. Blocking: call it on a
 * virtual thread.
 */
public final class TicketService {

    /** A queue request: {@code {mode, region?, latencies?: {region: ms}, party_id?}}. */
    public record QueueRequest(
            @Nullable String mode,
            @Nullable String region,
            @Nullable Map<String, Integer> latencies,
            @Nullable PartyId partyId) {}

    /** A ticket as the API shows it. */
    public record TicketView(
            TicketId ticketId,
            String status,
            String mode,
            String region,
            @Nullable MatchId matchId,
            @Nullable String reason,
            Instant queuedAt,
            List<PlayerId> players) {

        static TicketView of(TicketStore.Row r) {
            // claimed for a match that is being placed: still searching as far as the player can tell
            String status = r.status().equals("matched") && r.matchId() == null ? "searching" : r.status();
            return new TicketView(
                    r.id(),
                    status,
                    r.mode(),
                    r.region(),
                    r.matchId(),
                    r.reason(),
                    r.queuedAt(),
                    r.members().stream().map(Ticket.Member::player).toList());
        }
    }

    private static final int MAX_LATENCY = 60_000;

    private final Map<String, Mode> modes;
    private final TicketStore store;
    private final Matchmaker matchmaker;
    private final PartyStore parties;
    private final Ratings ratings;
    private final Matches matches;
    private final Cooldowns cooldowns;
    private final MatchmakingMetrics metrics;
    private final UserPushes pushes;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    TicketService(
            Map<String, Mode> modes,
            TicketStore store,
            Matchmaker matchmaker,
            PartyStore parties,
            Ratings ratings,
            Matches matches,
            Cooldowns cooldowns,
            MatchmakingMetrics metrics,
            UserPushes pushes,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.modes = Map.copyOf(modes);
        this.store = store;
        this.matchmaker = matchmaker;
        this.parties = parties;
        this.ratings = ratings;
        this.matches = matches;
        this.cooldowns = cooldowns;
        this.metrics = metrics;
        this.pushes = pushes;
        this.clock = clock;
        this.events = events;
    }

    public TicketView queue(PlayerId requester, QueueRequest q) {
        Mode mode = mode(q.mode());
        Map<String, Integer> latencies = latencies(q.latencies());
        String region = region(mode, q.region(), latencies);
        List<PlayerId> players = players(requester, mode, q.partyId());
        Instant now = clock.instant();
        for (PlayerId p : players) {
            Optional<Instant> cooling = cooldowns.of(p, now);
            if (cooling.isPresent()) {
                throw ApiException.tooManyRequests(
                        "queue_cooldown",
                        "A player of this ticket missed a match and may queue again at " + cooling.get(),
                        Duration.between(now, cooling.get()));
            }
            Optional<MatchId> playing = matches.activeMatchOf(p);
            if (playing.isPresent()) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "already_in_match",
                        "A player of this ticket is in match " + playing.get() + "; finish it first");
            }
        }
        List<Ticket.Member> members = players.stream()
                .map(p -> new Ticket.Member(p, ratings.rating(p, mode.name())))
                .toList();
        Ticket t =
                new Ticket(TicketId.random(), mode.name(), region, latencies, members, q.partyId(), now.toEpochMilli());
        t.expiresAt = now.toEpochMilli() + mode.ticketTtlMillis();
        try {
            store.insert(t, now);
        } catch (TicketStore.AlreadyQueued e) {
            String held =
                    store.activeOf(requester).map(id -> " (ticket " + id + ")").orElse("");
            throw new ApiException(
                    HttpStatus.CONFLICT, "already_queued", "A player of this ticket is already searching" + held);
        }
        metrics.queued(t);
        matchmaker.offer(t);
        pushes.ticket(t.members, t.id, "searching", null, null);
        events.publishEvent(new TicketQueued(t.id, t.mode, region, players, q.partyId(), now));
        return new TicketView(t.id, "searching", t.mode, region, null, null, now, players);
    }

    /**
     * A running match asks for a player for a seat: a backfill ticket is queued in the match's pool, ahead of every
     * other ticket, rated at the mean of the match's remaining players. Matches not made by a mode are not backfilled.
     */
    void requestBackfill(BackfillRequested request) {
        Mode mode = modes.get(request.mode());
        if (mode == null) {
            return;
        }
        MatchSummary match = matches.find(request.matchId()).orElse(null);
        if (match == null || !match.status().equals("running")) {
            return;
        }
        double rating = match.seats().stream()
                .filter(s -> !s.bot() && s.index() != request.seat())
                .mapToDouble(s -> ratings.rating(s.player(), mode.name()))
                .average()
                .orElse(Ratings.DEFAULT);
        String region = store.regionOf(request.matchId())
                .filter(mode.regions()::contains)
                .orElseGet(() -> mode.regions().iterator().next());
        Instant now = clock.instant();
        Ticket t = Ticket.backfill(
                TicketId.random(),
                mode.name(),
                region,
                new Ticket.Backfill(request.matchId(), request.seat(), request.team()),
                rating,
                now.toEpochMilli());
        t.expiresAt = now.toEpochMilli() + mode.ticketTtlMillis();
        store.insert(t, now);
        matchmaker.offer(t);
    }

    /** Cancels a searching ticket; any of its players may. */
    public void cancel(PlayerId requester, TicketId id) {
        TicketStore.Row row = owned(requester, id);
        if (!row.status().equals("searching")
                || !matchmaker.end(id, row.mode(), row.members(), "cancelled", "player", clock.instant())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "ticket_not_searching",
                    "Ticket " + id + " is "
                            + store.find(id).map(TicketStore.Row::status).orElse("gone"));
        }
    }

    /** Cancels the searching ticket {@code player} holds for party {@code party}, quietly when there is none. */
    void cancelPartyTicket(PlayerId player, PartyId party) {
        store.activeOf(player)
                .flatMap(store::find)
                .filter(row -> party.equals(row.party()))
                .ifPresent(row -> matchmaker.end(
                        row.id(), row.mode(), row.members(), "cancelled", "party_changed", clock.instant()));
    }

    /** The ticket the player holds now (searching, or being placed in a match), if any. */
    public Optional<TicketView> active(PlayerId player) {
        return store.activeOf(player).flatMap(store::find).map(TicketView::of);
    }

    public TicketView status(PlayerId requester, TicketId id) {
        return TicketView.of(owned(requester, id));
    }

    private TicketStore.Row owned(PlayerId requester, TicketId id) {
        return store.find(id)
                .filter(r -> r.holds(requester))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "ticket_not_found", "No ticket " + id));
    }

    private Mode mode(@Nullable String name) {
        Mode mode = name == null ? null : modes.get(name);
        if (mode == null) {
            throw ApiException.badField(
                    "mode",
                    "unknown_mode",
                    "No mode '" + name + "'; modes: "
                            + modes.keySet().stream().sorted().toList());
        }
        return mode;
    }

    private static Map<String, Integer> latencies(@Nullable Map<String, Integer> given) {
        if (given == null) {
            return Map.of();
        }
        if (given.size() > 32) {
            throw ApiException.badField("latencies", "bad_latencies", "At most 32 regions");
        }
        given.forEach((region, ms) -> {
            if (ms == null || ms < 0 || ms > MAX_LATENCY) {
                throw ApiException.badField(
                        "latencies", "bad_latencies", "Latency to " + region + " must be 0.." + MAX_LATENCY + " ms");
            }
        });
        return Map.copyOf(given);
    }

    /** The requested region; or the mode's region the client reaches fastest; or the mode's first region. */
    private static String region(Mode mode, @Nullable String asked, Map<String, Integer> latencies) {
        if (asked != null) {
            if (!mode.regions().contains(asked)) {
                throw ApiException.badField(
                        "region",
                        "unknown_region",
                        "Mode " + mode.name() + " is played in "
                                + mode.regions().stream().sorted().toList());
            }
            return asked;
        }
        return latencies.entrySet().stream()
                .filter(e -> mode.regions().contains(e.getKey()))
                .min(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseGet(() -> mode.regions().iterator().next());
    }

    private List<PlayerId> players(PlayerId requester, Mode mode, @Nullable PartyId partyId) {
        if (partyId == null) {
            return List.of(requester);
        }
        PartyStore.Party party = parties.find(partyId)
                .filter(p -> p.members().contains(requester))
                .orElseThrow(() ->
                        new ApiException(HttpStatus.NOT_FOUND, "party_not_found", "You are not in party " + partyId));
        if (!party.leader().equals(requester)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not_party_leader", "Only the party leader can queue it");
        }
        if (party.members().size() > mode.maxPartySize()) {
            throw ApiException.badField(
                    "party_id",
                    "party_too_big",
                    "Mode " + mode.name() + " takes parties of up to " + mode.maxPartySize() + " players");
        }
        return party.members();
    }
}
