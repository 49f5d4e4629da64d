package org.gamebackend.ranking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gamebackend.ranking.internal.RatingStore.Row;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Glicko-2's inactivity rule: for every rating period a player sits out, the deviation grows once (up to the initial
 * deviation), so a returning player's rating moves faster again. Run hourly; rows are visited in batches.
 */
final class IdleDeviation {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RatingSystems systems;
    private final Clock clock;
    private final Duration period;

    IdleDeviation(JdbcClient jdbc, JdbcTemplate batch, RatingSystems systems, Clock clock, RankingProperties props) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.systems = systems;
        this.clock = clock;
        this.period = props.ratingPeriod();
    }

    /** Returns how many ratings grew. */
    int grow() {
        int total = 0;
        Instant now = clock.instant();
        while (true) {
            List<Row> rows = jdbc.sql(
                            "select " + Row.COLUMNS + " from ratings" + " where system = ? and idle_until <= ? limit ?")
                    .params(RatingSystems.GLICKO2, Timestamp.from(now), BATCH)
                    .query(Row::map)
                    .list();
            if (rows.isEmpty()) {
                return total;
            }
            batch.batchUpdate(
                    "update ratings set deviation = ?, idle_until = ? where player_id = ? and mode = ?"
                            + " and idle_until <= ?",
                    rows,
                    BATCH,
                    (ps, row) -> {
                        ps.setDouble(1, systems.of(row.mode()).idle(row.skill()).deviation());
                        ps.setTimestamp(2, Timestamp.from(now.plus(period)));
                        ps.setObject(3, row.player());
                        ps.setString(4, row.mode());
                        ps.setTimestamp(5, Timestamp.from(now));
                    });
            total += rows.size();
        }
    }
}
