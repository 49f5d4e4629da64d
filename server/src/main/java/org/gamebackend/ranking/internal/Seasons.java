package org.gamebackend.ranking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Season numbers. The clock says which season it should be ({@link #due}); the database says which one is in effect
 * ({@link #current}), and only the rollover job moves it, so a rating applied during a rollover lands wholly in one
 * season.
 */
final class Seasons {

    private final RankingProperties.SeasonProperties props;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile int current;

    Seasons(RankingProperties props, JdbcClient jdbc, Clock clock) {
        this.props = props.season();
        this.jdbc = jdbc;
        this.clock = clock;
        jdbc.sql("insert into ranking_season (id, season, rolled_at) values (1, ?, ?) on conflict do nothing")
                .params(due(), Timestamp.from(clock.instant()))
                .update();
        this.current = stored();
    }

    /** The season in effect. */
    int current() {
        return current;
    }

    /** The season the clock is in: 1 before and during the first season's length. */
    int due() {
        Duration since = Duration.between(props.start(), clock.instant());
        if (since.isNegative()) {
            return 1;
        }
        return (int) (since.toMillis() / props.length().toMillis()) + 1;
    }

    Instant endOf(int season) {
        return props.start().plus(props.length().multipliedBy(season));
    }

    double carry() {
        return props.carry();
    }

    int stored() {
        return jdbc.sql("select season from ranking_season where id = 1")
                .query(Integer.class)
                .single();
    }

    /** Called in the rollover's transaction; {@link #refresh} after it commits. */
    void advanceTo(int season) {
        jdbc.sql("update ranking_season set season = ?, rolled_at = ? where id = 1")
                .params(season, Timestamp.from(clock.instant()))
                .update();
    }

    void refresh() {
        current = stored();
    }
}
