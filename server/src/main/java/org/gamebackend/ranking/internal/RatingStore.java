package org.gamebackend.ranking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.platform.SqlParams;
import org.gamebackend.ranking.internal.rating.Skill;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL for ratings, their history, stats and per-player match rows. Callers hold the transaction. */
final class RatingStore {

    /** A player's stored rating in one mode. */
    record Stored(
            PlayerId player,
            Skill skill,
            int season,
            @Nullable String region) {}

    /** A rating row as the batch jobs (idle growth, season reset) read it. */
    record Row(UUID player, String mode, Skill skill) {

        static final String COLUMNS = "player_id, mode, rating, deviation, volatility, games";

        static Row map(ResultSet rs, int rowNum) throws SQLException {
            return new Row(rs.getObject("player_id", UUID.class), rs.getString("mode"), RatingStore.skill(rs));
        }
    }

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the rows (in player order, so two jobs never wait on each other in a cycle) and returns them. */
    Map<PlayerId, Stored> lock(Collection<PlayerId> players, String mode) {
        Map<PlayerId, Stored> found = new HashMap<>();
        UUID[] ids = players.stream().map(PlayerId::value).sorted().toArray(UUID[]::new);
        jdbc.sql("select player_id, rating, deviation, volatility, games, season, region from ratings"
                        + " where mode = ? and player_id = any(?) order by player_id for update")
                .params(mode, ids)
                .query((rs, i) -> new Stored(
                        new PlayerId(rs.getObject("player_id", UUID.class)),
                        skill(rs),
                        rs.getInt("season"),
                        rs.getString("region")))
                .list()
                .forEach(s -> found.put(s.player(), s));
        return found;
    }

    static Skill skill(ResultSet rs) throws SQLException {
        return new Skill(
                rs.getDouble("rating"), rs.getDouble("deviation"), rs.getDouble("volatility"), rs.getInt("games"));
    }

    void save(
            PlayerId player,
            String mode,
            String system,
            Skill skill,
            int season,
            @Nullable String region,
            Instant at,
            Instant idleUntil) {
        jdbc.sql("insert into ratings (player_id, mode, system, rating, deviation, volatility, games, season, region,"
                        + " last_played_at, idle_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (player_id, mode) do update set system = excluded.system,"
                        + " rating = excluded.rating, deviation = excluded.deviation,"
                        + " volatility = excluded.volatility, games = excluded.games, season = excluded.season,"
                        + " region = excluded.region, last_played_at = excluded.last_played_at,"
                        + " idle_until = excluded.idle_until")
                .params(SqlParams.of(
                        player.value(),
                        mode,
                        system,
                        skill.rating(),
                        skill.deviation(),
                        skill.volatility(),
                        skill.games(),
                        season,
                        region,
                        Timestamp.from(at),
                        Timestamp.from(idleUntil)))
                .update();
    }

    void history(PlayerId player, String mode, UUID match, int season, double before, Skill after, Instant at) {
        jdbc.sql("insert into rating_history (player_id, mode, match_id, season, rating_before, rating_after,"
                        + " deviation, at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        player.value(),
                        mode,
                        match,
                        season,
                        before,
                        after.rating(),
                        after.deviation(),
                        Timestamp.from(at))
                .update();
    }

    /** Adds one game to the player's stats in the mode; a win extends the streak, anything else ends it. */
    void countGame(PlayerId player, String mode, String outcome) {
        int win = outcome.equals("win") ? 1 : 0;
        jdbc.sql("insert into player_stats as s (player_id, mode, games, wins, losses, draws, streak, best_streak)"
                        + " values (?, ?, 1, ?, ?, ?, ?, ?) on conflict (player_id, mode) do update set"
                        + " games = s.games + 1, wins = s.wins + excluded.wins, losses = s.losses + excluded.losses,"
                        + " draws = s.draws + excluded.draws,"
                        + " streak = case when excluded.wins = 1 then s.streak + 1 else 0 end,"
                        + " best_streak = greatest(s.best_streak, case when excluded.wins = 1 then s.streak + 1"
                        + " else 0 end)")
                .params(
                        player.value(),
                        mode,
                        win,
                        outcome.equals("loss") ? 1 : 0,
                        outcome.equals("draw") ? 1 : 0,
                        win,
                        win)
                .update();
    }

    void playerMatch(
            PlayerId player,
            UUID match,
            String game,
            String mode,
            String status,
            String outcome,
            int place,
            @Nullable Double before,
            @Nullable Double after,
            Instant endedAt) {
        jdbc.sql("insert into player_matches (player_id, match_id, game, mode, status, outcome, place, rating_before,"
                        + " rating_after, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(SqlParams.of(
                        player.value(),
                        match,
                        game,
                        mode,
                        status,
                        outcome,
                        place,
                        before,
                        after,
                        Timestamp.from(endedAt)))
                .update();
    }
}
