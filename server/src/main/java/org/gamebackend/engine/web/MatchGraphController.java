package org.gamebackend.engine.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.Matches;
import org.gamebackend.platform.graphql.Blocking;
import org.gamebackend.platform.graphql.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code match(id)} and the {@code Match} type (engine.graphqls). Registers the {@code DataLoader<MatchId,
 * MatchSummary>} that other types use to reach their matches in one query (a player's history, a ticket).
 */
@Controller
class MatchGraphController {

    private final Matches matches;

    MatchGraphController(Matches matches, BatchLoaderRegistry loaders) {
        this.matches = matches;
        loaders.forTypePair(MatchId.class, MatchSummary.class)
                .registerMappedBatchLoader((ids, env) -> Blocking.call(() -> matches.findAll(ids)));
    }

    @QueryMapping
    CompletableFuture<@Nullable MatchSummary> match(
            @Argument String id, DataLoader<MatchId, MatchSummary> loader, @AuthenticationPrincipal @Nullable Jwt jwt) {
        Callers.subject(jwt);
        return loader.load(MatchId.parse(id));
    }

    @SchemaMapping(typeName = "Match")
    List<MatchPlayer> players(MatchSummary match) {
        return match.seats().stream()
                .map(s -> new MatchPlayer(s.player(), s.index(), s.bot(), s.team()))
                .toList();
    }

    @SchemaMapping(typeName = "MatchPlayer")
    CompletableFuture<@Nullable Profile> player(MatchPlayer seat, DataLoader<PlayerId, Profile> profiles) {
        return seat.bot() ? CompletableFuture.completedFuture(null) : profiles.load(seat.playerId());
    }

    /** A seat as the schema shows it. */
    record MatchPlayer(PlayerId playerId, int seat, boolean bot, int team) {}
}
