package org.gamebackend.ranking.internal;

import java.util.List;
import org.gamebackend.ranking.internal.RatingStore.Row;
import org.gamebackend.ranking.internal.rating.RatingSystem;
import org.gamebackend.ranking.internal.rating.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a season when the clock has passed it, in one transaction: the season's boards (global and per region) are
 * frozen into {@code season_boards}, and every rating played in it is soft-reset towards the initial rating
 * (docs/ranking.md). The season row is locked first, so two nodes never roll the same season.
 */
final class SeasonRollover {

    private static final Logger log = LoggerFactory.getLogger(SeasonRollover.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Seasons seasons;
    private final RatingSystems systems;
    private final Boards boards;

    SeasonRollover(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate tx,
            Seasons seasons,
            RatingSystems systems,
            Boards boards) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.seasons = seasons;
        this.systems = systems;
        this.boards = boards;
    }

    void rollIfDue() {
        int due = seasons.due();
        for (int season = seasons.stored(); season < due; season = seasons.stored()) {
            roll(season);
        }
    }

    /** Ends {@code season}, unless another node already has. */
    void roll(int season) {
        record Ended(boolean rolled, List<String> modes, List<String> regions) {}
        Ended ended = tx.execute(status -> {
            int stored = jdbc.sql("select season from ranking_season where id = 1 for update")
                    .query(Integer.class)
                    .single();
            if (stored != season) {
                return new Ended(false, List.of(), List.of());
            }
            jdbc.sql("insert into season_boards (season, mode, region, rank, player_id, rating)"
                            + " select season, mode, 'global', row_number() over (partition by mode"
                            + " order by rating desc, player_id), player_id, rating from ratings where season = ?")
                    .param(season)
                    .update();
            jdbc.sql("insert into season_boards (season, mode, region, rank, player_id, rating)"
                            + " select season, mode, region, row_number() over (partition by mode, region"
                            + " order by rating desc, player_id), player_id, rating from ratings"
                            + " where season = ? and region is not null")
                    .param(season)
                    .update();
            List<Row> rows = jdbc.sql("select " + Row.COLUMNS + " from ratings" + " where season = ?")
                    .param(season)
                    .query(Row::map)
                    .list();
            batch.batchUpdate(
                    "update ratings set rating = ?, deviation = ?, volatility = ? where player_id = ? and mode = ?",
                    rows,
                    1000,
                    (ps, row) -> {
                        RatingSystem system = systems.of(row.mode());
                        Skill reset = system.softReset(row.skill(), seasons.carry());
                        ps.setDouble(1, reset.rating());
                        ps.setDouble(2, reset.deviation());
                        ps.setDouble(3, reset.volatility());
                        ps.setObject(4, row.player());
                        ps.setString(5, row.mode());
                    });
            seasons.advanceTo(season + 1);
            return new Ended(
                    true,
                    rows.stream().map(Row::mode).distinct().toList(),
                    jdbc.sql("select distinct region from ratings where season = ? and region is not null")
                            .param(season)
                            .query(String.class)
                            .list());
        });
        seasons.refresh();
        if (ended != null && ended.rolled()) {
            boards.dropSeason(season, ended.modes(), ended.regions());
            log.info(
                    "Season {} ended: its boards are archived and {} modes' ratings soft-reset",
                    season,
                    ended.modes().size());
        }
    }
}
