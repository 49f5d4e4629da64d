package org.gamebackend.ranking.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.platform.ApiException;
import org.gamebackend.platform.graphql.Blocking;
import org.gamebackend.platform.graphql.Callers;
import org.gamebackend.platform.graphql.Connections;
import org.gamebackend.platform.graphql.Connections.Edge;
import org.gamebackend.platform.graphql.Connections.PageInfo;
import org.gamebackend.ranking.internal.BoardChanges;
import org.gamebackend.ranking.internal.RankingService;
import org.gamebackend.ranking.internal.RankingService.EntryView;
import org.gamebackend.ranking.internal.RankingService.MatchView;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * GraphQL {@code leaderboard}, {@code matches}, a {@code Player}'s stats and history, and {@code leaderboardChanged}
 * (ranking.graphqls): the same service and the same checks as the REST controllers, as Relay connections.
 */
@Controller
class RankingGraphController {

    /** leaderboardChanged re-reads a board at most this often, however many ratings change. */
    static final Duration BOARD_INTERVAL = Duration.ofSeconds(1);

    private static final int DEFAULT_TOP = 10;

    private final RankingService ranking;
    private final BoardChanges changes;

    RankingGraphController(RankingService ranking, BoardChanges changes) {
        this.ranking = ranking;
        this.changes = changes;
    }

    @QueryMapping
    Board leaderboard(
            @Argument String mode,
            @Argument @Nullable String region,
            @Argument @Nullable Integer season,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @AuthenticationPrincipal @Nullable Jwt jwt) {
        Callers.subject(jwt);
        return Board.of(ranking.board(mode, region, season, first, after));
    }

    @QueryMapping
    History matches(
            @Argument String playerId,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @AuthenticationPrincipal @Nullable Jwt jwt) {
        Callers.subject(jwt);
        return History.of(ranking.matches(PlayerId.parse(playerId), first, after));
    }

    @SchemaMapping(typeName = "Player")
    Stats stats(Profile player) {
        return Stats.of(ranking.stats(player.id()));
    }

    @SchemaMapping(typeName = "Player", field = "matches")
    History playerMatches(Profile player, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return History.of(ranking.matches(player.id(), first, after));
    }

    @SchemaMapping(typeName = "PlayerMatch")
    CompletableFuture<@Nullable MatchSummary> match(MatchView row, DataLoader<MatchId, MatchSummary> matches) {
        return matches.load(new MatchId(row.matchId()));
    }

    @SchemaMapping(typeName = "LeaderboardEntry")
    CompletableFuture<@Nullable Profile> player(EntryView entry, DataLoader<PlayerId, Profile> profiles) {
        return profiles.load(new PlayerId(entry.playerId()));
    }

    @SubscriptionMapping
    Flux<Board> leaderboardChanged(
            @Argument String mode, @Argument @Nullable Integer top, @AuthenticationPrincipal @Nullable Jwt jwt) {
        Callers.subject(jwt);
        int n = top == null ? DEFAULT_TOP : top;
        if (n < 1 || n > 100) {
            throw ApiException.badField("top", "bad_top", "top must be between 1 and 100");
        }
        Flux<Board> read = Flux.defer(() -> Blocking.call(() -> Board.of(ranking.board(mode, null, null, n, null))));
        // after a change, past the page cache: it may hold the board from before the change for its whole TTL
        Flux<Board> reread = Flux.defer(() -> Blocking.call(() -> Board.of(ranking.freshBoard(mode, n))));
        // the board now, then again after changes; an unknown mode fails the first read and so the subscription
        return read.concatWith(changes.of(mode).sample(BOARD_INTERVAL).concatMap(changed -> reread))
                .distinctUntilChanged(Board::edges);
    }

    /** A page of a board as a connection. */
    record Board(
            String mode, String region, int season, long totalCount, List<Edge<EntryView>> edges, PageInfo pageInfo) {

        static Board of(RankingService.BoardView view) {
            List<Edge<EntryView>> edges = Connections.edges(view.entries(), RankingService::cursorOf);
            return new Board(
                    view.mode(),
                    view.region(),
                    view.season(),
                    view.total(),
                    edges,
                    Connections.pageInfo(edges, view.nextCursor()));
        }
    }

    /** A page of a player's history as a connection. */
    record History(List<Edge<MatchView>> edges, PageInfo pageInfo) {

        static History of(RankingService.MatchesView view) {
            List<Edge<MatchView>> edges = Connections.edges(view.matches(), RankingService::cursorOf);
            return new History(edges, Connections.pageInfo(edges, view.nextCursor()));
        }
    }

    /** {@code ratings} and {@code modes} as lists that carry their mode. */
    record Stats(List<Rating> ratings, int wins, int losses, int draws, List<ModeStats> modes) {

        static Stats of(RankingService.StatsView view) {
            return new Stats(
                    view.ratings().entrySet().stream()
                            .map(e -> new Rating(
                                    e.getKey(),
                                    e.getValue().rating(),
                                    e.getValue().deviation(),
                                    e.getValue().volatility(),
                                    e.getValue().games()))
                            .toList(),
                    view.wins(),
                    view.losses(),
                    view.draws(),
                    view.modes().entrySet().stream()
                            .map(e -> new ModeStats(
                                    e.getKey(),
                                    e.getValue().games(),
                                    e.getValue().wins(),
                                    e.getValue().losses(),
                                    e.getValue().draws(),
                                    e.getValue().streak(),
                                    e.getValue().bestStreak()))
                            .toList());
        }
    }

    record Rating(
            String mode,
            double rating,
            double deviation,
            @Nullable Double volatility,
            int games) {}

    record ModeStats(String mode, int games, int wins, int losses, int draws, int streak, int bestStreak) {}
}
