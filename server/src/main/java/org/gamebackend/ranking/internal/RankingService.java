package org.gamebackend.ranking.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.accounts.Profiles;
import org.gamebackend.platform.ApiException;
import org.gamebackend.platform.cache.CacheSpec;
import org.gamebackend.ranking.internal.board.BoardEntry;
import org.gamebackend.ranking.internal.board.BoardKey;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the REST API reads: stats, match history and leaderboard pages. Checks every parameter first. */
public final class RankingService {

    /** One line of a board. */
    public record EntryView(long rank, UUID playerId, String displayName, double rating) {}

    /** A page of a board; {@code nextCursor} is null on the last page. */
    public record BoardView(
            String mode,
            String region,
            int season,
            long total,
            List<EntryView> entries,
            @Nullable String nextCursor) {}

    public record RatingView(
            double rating, double deviation, @Nullable Double volatility, int games) {}

    public record ModeStatsView(int games, int wins, int losses, int draws, int streak, int bestStreak) {}

    public record StatsView(
            UUID playerId,
            Map<String, RatingView> ratings,
            int wins,
            int losses,
            int draws,
            Map<String, ModeStatsView> modes) {}

    public record MatchView(
            UUID matchId,
            String game,
            String mode,
            String status,
            String outcome,
            int place,
            @Nullable Double ratingBefore,
            @Nullable Double ratingAfter,
            Instant endedAt) {}

    public record MatchesView(
            List<MatchView> matches, @Nullable String nextCursor) {}

    private final Boards boards;
    private final Seasons seasons;
    private final RatingSystems systems;
    private final JdbcClient jdbc;
    private final Profiles profiles;
    private final RankingProperties.LeaderboardProperties limits;
    private final List<String> regions;
    private final Cache pages;

    /**
     * Leaderboard pages (docs/cache.md), by board, limit and cursor. Not invalidated: a rating applied or a name changed
     * shows on a cached page within its TTL, 5 s by default; per-match invalidation would empty the cache of a busy
     * mode all the time.
     */
    static final String PAGES = "leaderboard-pages";

    static CacheSpec pagesCache() {
        return new CacheSpec(PAGES, BoardView.class, Duration.ofSeconds(5), 2_000);
    }

    RankingService(
            Boards boards,
            Seasons seasons,
            RatingSystems systems,
            JdbcClient jdbc,
            Profiles profiles,
            RankingProperties props,
            List<String> regions,
            CacheManager caches) {
        this.boards = boards;
        this.seasons = seasons;
        this.systems = systems;
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.limits = props.leaderboard();
        this.regions = regions;
        this.pages = Objects.requireNonNull(caches.getCache(PAGES), PAGES);
    }

    public BoardView board(
            String mode,
            @Nullable String region,
            @Nullable Integer season,
            @Nullable Integer limit,
            @Nullable String cursor) {
        BoardKey key = key(mode, region, season);
        int size = checkedLimit(limit == null ? limits.defaultLimit() : limit);
        BoardView view = pages.get(pageKey(key, size, cursor), () -> read(key, size, cursor));
        return Objects.requireNonNull(view);
    }

    /**
     * The first page of a board read from the boards themselves, not the page cache, and put in the cache: for a
     * reader told that the board has just changed (GraphQL's {@code leaderboardChanged}), which the cache, filled up
     * to its TTL ago, would otherwise answer with the board from before the change.
     */
    public BoardView freshBoard(String mode, int limit) {
        BoardKey key = key(mode, null, null);
        int size = checkedLimit(limit);
        BoardView view = read(key, size, null);
        pages.put(pageKey(key, size, null), view);
        return view;
    }

    private int checkedLimit(int size) {
        if (size < 1 || size > limits.maxLimit()) {
            throw ApiException.badField("limit", "bad_limit", "limit must be between 1 and " + limits.maxLimit());
        }
        return size;
    }

    private static String pageKey(BoardKey key, int size, @Nullable String cursor) {
        return key.redisKey() + ":" + size + ":" + (cursor == null ? "" : cursor);
    }

    private BoardView read(BoardKey key, int size, @Nullable String cursor) {
        long offset = cursor == null ? 0 : resume(key, cursor);
        List<BoardEntry> page = boards.range(key, offset, size);
        long total = boards.size(key);
        String next = page.size() == size && offset + size < total ? cursorOf(page.getLast()) : null;
        return new BoardView(key.mode(), key.region(), key.season(), total, named(page), next);
    }

    public BoardView around(
            String mode, PlayerId player, @Nullable String region, @Nullable Integer season, @Nullable Integer radius) {
        BoardKey key = key(mode, region, season);
        int r = radius == null ? 10 : radius;
        if (r < 0 || r > limits.maxRadius()) {
            throw ApiException.badField("radius", "bad_radius", "radius must be between 0 and " + limits.maxRadius());
        }
        long rank = boards.rank(key, player)
                .orElseThrow(() ->
                        new ApiException(HttpStatus.NOT_FOUND, "not_ranked", "That player is not on this leaderboard"));
        long offset = Math.max(0, rank - 1 - r);
        List<BoardEntry> page = boards.range(key, offset, (int) (rank - 1 - offset) + r + 1);
        return new BoardView(key.mode(), key.region(), key.season(), boards.size(key), named(page), null);
    }

    private BoardKey key(String mode, @Nullable String region, @Nullable Integer season) {
        if (!systems.ranked(mode)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown_mode", "No ranked mode named '" + mode + "'");
        }
        String board = region == null || region.isBlank() ? Boards.GLOBAL : region;
        if (!board.equals(Boards.GLOBAL) && !regions.contains(board)) {
            throw ApiException.badField("region", "unknown_region", "region must be one of " + regions + " or global");
        }
        int current = seasons.current();
        int s = season == null ? current : season;
        if (s < 1 || s > current) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND,
                    "unknown_season",
                    "Season " + s + " has not started; the current season is " + current);
        }
        return new BoardKey(mode, board, s);
    }

    private List<EntryView> named(List<BoardEntry> page) {
        Map<PlayerId, Profile> names =
                profiles.profiles(page.stream().map(BoardEntry::player).toList());
        return page.stream()
                .map(e -> new EntryView(
                        e.rank(),
                        e.player().value(),
                        names.containsKey(e.player()) ? names.get(e.player()).displayName() : "",
                        e.rating()))
                .toList();
    }

    private static String cursorOf(BoardEntry last) {
        return new Cursor(Double.toString(last.rating()), last.player().value().toString()).encode();
    }

    /** The cursor that resumes a board after {@code entry} (what {@code next_cursor} is for the last entry). */
    public static String cursorOf(EntryView entry) {
        return new Cursor(Double.toString(entry.rating()), entry.playerId().toString()).encode();
    }

    /** The cursor that resumes a match history after {@code match}. */
    public static String cursorOf(MatchView match) {
        return new Cursor(match.endedAt().toString(), match.matchId().toString()).encode();
    }

    private long resume(BoardKey key, String cursor) {
        Cursor c = Cursor.parse(cursor);
        try {
            return boards.resume(key, Double.parseDouble(c.first()), new PlayerId(UUID.fromString(c.second())));
        } catch (IllegalArgumentException e) {
            throw Cursor.bad();
        }
    }

    public StatsView stats(PlayerId player) {
        if (profiles.profiles(List.of(player)).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "No such player");
        }
        Map<String, RatingView> ratings = new LinkedHashMap<>();
        jdbc.sql("select mode, system, rating, deviation, volatility, games from ratings where player_id = ?"
                        + " order by mode")
                .param(player.value())
                .query((rs, i) -> Map.entry(
                        rs.getString("mode"),
                        new RatingView(
                                rs.getDouble("rating"),
                                rs.getDouble("deviation"),
                                RatingSystems.GLICKO2.equals(rs.getString("system"))
                                        ? rs.getDouble("volatility")
                                        : null,
                                rs.getInt("games"))))
                .list()
                .forEach(e -> ratings.put(e.getKey(), e.getValue()));
        Map<String, ModeStatsView> modes = new LinkedHashMap<>();
        jdbc.sql("select mode, games, wins, losses, draws, streak, best_streak from player_stats where player_id = ?"
                        + " order by mode")
                .param(player.value())
                .query((rs, i) -> Map.entry(
                        rs.getString("mode"),
                        new ModeStatsView(
                                rs.getInt("games"),
                                rs.getInt("wins"),
                                rs.getInt("losses"),
                                rs.getInt("draws"),
                                rs.getInt("streak"),
                                rs.getInt("best_streak"))))
                .list()
                .forEach(e -> modes.put(e.getKey(), e.getValue()));
        int wins = modes.values().stream().mapToInt(ModeStatsView::wins).sum();
        int losses = modes.values().stream().mapToInt(ModeStatsView::losses).sum();
        int draws = modes.values().stream().mapToInt(ModeStatsView::draws).sum();
        return new StatsView(player.value(), ratings, wins, losses, draws, modes);
    }

    public MatchesView matches(PlayerId player, @Nullable Integer limit, @Nullable String cursor) {
        int size = limit == null ? limits.defaultLimit() : limit;
        if (size < 1 || size > limits.maxLimit()) {
            throw ApiException.badField("limit", "bad_limit", "limit must be between 1 and " + limits.maxLimit());
        }
        Instant before = Instant.MAX;
        UUID after = new UUID(-1L, -1L);
        String sql = "select match_id, game, mode, status, outcome, place, rating_before, rating_after, ended_at"
                + " from player_matches where player_id = ?";
        List<Object> params = new java.util.ArrayList<>(List.of(player.value()));
        if (cursor != null) {
            Cursor c = Cursor.parse(cursor);
            try {
                before = Instant.parse(c.first());
                after = UUID.fromString(c.second());
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw Cursor.bad();
            }
            sql += " and (ended_at, match_id) < (?, ?)";
            params.add(Timestamp.from(before));
            params.add(after);
        }
        params.add(size + 1);
        List<MatchView> rows = jdbc.sql(sql + " order by ended_at desc, match_id desc limit ?")
                .params(params)
                .query((rs, i) -> new MatchView(
                        rs.getObject("match_id", UUID.class),
                        rs.getString("game"),
                        rs.getString("mode"),
                        rs.getString("status"),
                        rs.getString("outcome"),
                        rs.getInt("place"),
                        (Double) rs.getObject("rating_before"),
                        (Double) rs.getObject("rating_after"),
                        rs.getTimestamp("ended_at").toInstant()))
                .list();
        if (rows.size() <= size) {
            return new MatchesView(rows, null);
        }
        return new MatchesView(rows.subList(0, size), cursorOf(rows.get(size - 1)));
    }
}
