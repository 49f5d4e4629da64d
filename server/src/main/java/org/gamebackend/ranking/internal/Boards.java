package org.gamebackend.ranking.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.ranking.internal.board.BoardEntry;
import org.gamebackend.ranking.internal.board.BoardKey;
import org.gamebackend.ranking.internal.board.Leaderboard;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The leaderboards: the current season's live in the {@link Leaderboard} (Redis, or in-process in standalone mode) and
 * follow each applied rating; ended seasons' are read from {@code season_boards}, frozen at rollover. Every live board
 * can be rebuilt from {@code ratings}, which stays the truth.
 */
final class Boards {

    static final String GLOBAL = "global";
    private static final Logger log = LoggerFactory.getLogger(Boards.class);

    private final Leaderboard live;
    private final JdbcClient jdbc;
    private final Seasons seasons;

    Boards(Leaderboard live, JdbcClient jdbc, Seasons seasons) {
        this.live = live;
        this.jdbc = jdbc;
        this.seasons = seasons;
    }

    void put(RatingApplier.Applied a) {
        live.put(new BoardKey(a.mode(), GLOBAL, a.season()), a.player(), a.rating());
        if (a.previousRegion() != null && !Objects.equals(a.previousRegion(), a.region())) {
            live.remove(new BoardKey(a.mode(), a.previousRegion(), a.season()), a.player());
        }
        if (a.region() != null) {
            live.put(new BoardKey(a.mode(), a.region(), a.season()), a.player(), a.rating());
        }
    }

    /** Entries with ranks offset + 1 ... offset + limit. */
    List<BoardEntry> range(BoardKey key, long offset, int limit) {
        if (key.season() == seasons.current()) {
            return live.range(key, offset, limit);
        }
        return jdbc.sql("select rank, player_id, rating from season_boards where season = ? and mode = ? and region = ?"
                        + " and rank > ? order by rank limit ?")
                .params(key.season(), key.mode(), key.region(), offset, limit)
                .query((rs, i) -> new BoardEntry(
                        rs.getLong("rank"),
                        new PlayerId(rs.getObject("player_id", UUID.class)),
                        rs.getDouble("rating")))
                .list();
    }

    OptionalLong rank(BoardKey key, PlayerId player) {
        if (key.season() == seasons.current()) {
            return live.rank(key, player);
        }
        return jdbc.sql("select rank from season_boards where season = ? and mode = ? and region = ? and player_id = ?")
                .params(key.season(), key.mode(), key.region(), player.value())
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * Where a page that ended at {@code (rating, player)} continues: right after the player while they still hold
     * that rating, else after everyone rated above it (the player moved since the previous page was read).
     */
    long resume(BoardKey key, double rating, PlayerId player) {
        if (key.season() == seasons.current()) {
            var now = live.rating(key, player);
            if (now.isPresent() && now.getAsDouble() == rating) {
                return live.rank(key, player).orElse(0);
            }
            return live.countAbove(key, rating);
        }
        return rank(key, player).orElse(0);
    }

    long size(BoardKey key) {
        if (key.season() == seasons.current()) {
            return live.size(key);
        }
        return jdbc.sql("select count(*) from season_boards where season = ? and mode = ? and region = ?")
                .params(key.season(), key.mode(), key.region())
                .query(Long.class)
                .single();
    }

    /** At start: rebuilds the live boards whose global board's size differs from what {@code ratings} holds. */
    void rebuildStale() {
        int season = seasons.current();
        jdbc.sql("select mode, count(*) as n from ratings where season = ? group by mode")
                .param(season)
                .query((rs, i) -> Map.entry(rs.getString("mode"), rs.getLong("n")))
                .list()
                .forEach(e -> {
                    if (live.size(new BoardKey(e.getKey(), GLOBAL, season)) != e.getValue()) {
                        rebuildMode(e.getKey(), season);
                    }
                });
    }

    /** Replaces every live board of the current season with what {@code ratings} holds. */
    void rebuildAll() {
        int season = seasons.current();
        List<String> modes = jdbc.sql("select distinct mode from ratings where season = ?")
                .param(season)
                .query(String.class)
                .list();
        modes.forEach(mode -> rebuildMode(mode, season));
    }

    private void rebuildMode(String mode, int season) {
        rebuild(new BoardKey(mode, GLOBAL, season), null);
        jdbc.sql("select distinct region from ratings where season = ? and mode = ? and region is not null")
                .params(season, mode)
                .query(String.class)
                .list()
                .forEach(region -> rebuild(new BoardKey(mode, region, season), region));
    }

    private void rebuild(BoardKey key, @Nullable String region) {
        String sql = "select player_id, rating from ratings where season = ? and mode = ?"
                + (region == null ? "" : " and region = ?");
        var statement = jdbc.sql(sql).param(key.season()).param(key.mode());
        if (region != null) {
            statement = statement.param(region);
        }
        List<Map.Entry<PlayerId, Double>> entries = statement
                .query((rs, i) ->
                        Map.entry(new PlayerId(rs.getObject("player_id", UUID.class)), rs.getDouble("rating")))
                .list();
        live.replace(key, entries);
        log.info("Rebuilt leaderboard {} with {} entries", key, entries.size());
    }

    /** Drops the live boards of a season that has ended (its frozen copy is in {@code season_boards}). */
    void dropSeason(int season, List<String> modes, List<String> regions) {
        for (String mode : modes) {
            live.delete(new BoardKey(mode, GLOBAL, season));
            regions.forEach(region -> live.delete(new BoardKey(mode, region, season)));
        }
    }
}
