package org.gamebackend.matchmaking.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.matchmaking.internal.ModeCatalog;
import org.gamebackend.matchmaking.internal.PartyService;
import org.gamebackend.matchmaking.internal.PlayerFeed;
import org.gamebackend.matchmaking.internal.TicketService;
import org.gamebackend.platform.ApiException;
import org.gamebackend.platform.graphql.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * GraphQL modes, tickets, parties, and the {@code matchFound} / {@code ticketUpdated} subscriptions
 * (matchmaking.graphqls): the services behind {@code /api/v1/matchmaking} and {@code /api/v1/parties}, with their
 * checks and error codes.
 */
@Controller
class MatchmakingGraphController {

    private final TicketService tickets;
    private final PartyService parties;
    private final ModeCatalog modes;
    private final PlayerFeed feed;

    MatchmakingGraphController(TicketService tickets, PartyService parties, ModeCatalog modes, PlayerFeed feed) {
        this.tickets = tickets;
        this.parties = parties;
        this.modes = modes;
        this.feed = feed;
    }

    @QueryMapping
    List<ModeCatalog.ModeView> modes(@AuthenticationPrincipal @Nullable Jwt jwt) {
        caller(jwt);
        return modes.views();
    }

    @QueryMapping
    TicketService.@Nullable TicketView myTicket(@AuthenticationPrincipal @Nullable Jwt jwt) {
        return tickets.active(caller(jwt)).orElse(null);
    }

    @QueryMapping
    TicketService.TicketView ticket(@Argument String ticketId, @AuthenticationPrincipal @Nullable Jwt jwt) {
        return tickets.status(caller(jwt), TicketId.parse(ticketId));
    }

    @QueryMapping
    PartyService.@Nullable PartyView myParty(@AuthenticationPrincipal @Nullable Jwt jwt) {
        PlayerId me = caller(jwt);
        try {
            return parties.mine(me);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @SchemaMapping(typeName = "Ticket")
    CompletableFuture<@Nullable MatchSummary> match(
            TicketService.TicketView ticket, DataLoader<MatchId, MatchSummary> matches) {
        MatchId id = ticket.matchId();
        return id == null ? CompletableFuture.completedFuture(null) : matches.load(id);
    }

    @MutationMapping
    TicketService.TicketView queue(
            @Argument String mode,
            @Argument @Nullable String region,
            @Argument @Nullable List<RegionLatency> latencies,
            @Argument @Nullable String partyId,
            @AuthenticationPrincipal @Nullable Jwt jwt) {
        return tickets.queue(
                caller(jwt),
                new TicketService.QueueRequest(
                        mode,
                        region,
                        latencies == null ? null : RegionLatency.toMap(latencies),
                        partyId == null ? null : PartyId.parse(partyId)));
    }

    @MutationMapping
    boolean cancelTicket(@Argument @Nullable String ticketId, @AuthenticationPrincipal @Nullable Jwt jwt) {
        PlayerId me = caller(jwt);
        TicketId id = ticketId != null
                ? TicketId.parse(ticketId)
                : tickets.active(me)
                        .map(TicketService.TicketView::ticketId)
                        .orElseThrow(() -> new ApiException(
                                HttpStatus.NOT_FOUND, "ticket_not_found", "You have no ticket to cancel"));
        tickets.cancel(me, id);
        return true;
    }

    @MutationMapping
    PartyService.PartyView createParty(@AuthenticationPrincipal @Nullable Jwt jwt) {
        return parties.create(caller(jwt));
    }

    @MutationMapping
    PartyService.PartyView joinParty(@Argument String inviteCode, @AuthenticationPrincipal @Nullable Jwt jwt) {
        return parties.join(caller(jwt), inviteCode);
    }

    @MutationMapping
    boolean leaveParty(@Argument String partyId, @AuthenticationPrincipal @Nullable Jwt jwt) {
        parties.leave(caller(jwt), PartyId.parse(partyId));
        return true;
    }

    @MutationMapping
    boolean kickFromParty(
            @Argument String partyId, @Argument String playerId, @AuthenticationPrincipal @Nullable Jwt jwt) {
        parties.kick(caller(jwt), PartyId.parse(partyId), PlayerId.parse(playerId));
        return true;
    }

    @SubscriptionMapping
    Flux<PlayerFeed.MatchFound> matchFound(@AuthenticationPrincipal @Nullable Jwt jwt) {
        return feed.matchFound(caller(jwt));
    }

    @SubscriptionMapping
    Flux<PlayerFeed.TicketUpdate> ticketUpdated(@AuthenticationPrincipal @Nullable Jwt jwt) {
        return feed.ticketUpdates(caller(jwt));
    }

    /** {@code {region, ms}}: one entry of a queue request's latencies. */
    record RegionLatency(String region, int ms) {

        static Map<String, Integer> toMap(List<RegionLatency> latencies) {
            Map<String, Integer> map = new LinkedHashMap<>();
            latencies.forEach(l -> map.put(l.region(), l.ms()));
            return map;
        }
    }

    private static PlayerId caller(@Nullable Jwt jwt) {
        return PlayerId.parse(Callers.subject(jwt));
    }
}
