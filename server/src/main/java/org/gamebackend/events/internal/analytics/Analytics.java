package org.gamebackend.events.internal.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.gamebackend.platform.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Operator questions answered from {@code analytics_events} (client events and the domain events that land there): who
 * was active, how many matches each mode plays and how long they last. Days and hours are UTC.
 */
@Component
public class Analytics {

    /** Distinct players seen on one day (any event naming them). */
    public record ActiveDay(LocalDate day, long players) {}

    /** Finished matches of one mode in one hour, and their mean length. */
    public record MatchHour(Instant hour, String mode, long matches, double averageLengthSeconds) {}

    static final int MAX_DAYS = 90;
    static final int MAX_HOURS = 24 * 14;

    private final JdbcClient jdbc;
    private final Clock clock;

    Analytics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ActiveDay> activePlayers(int days) {
        check("days", days, MAX_DAYS);
        LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L);
        return jdbc.sql("select (occurred_at at time zone 'UTC')::date as day, count(distinct player_id) as players"
                        + " from analytics_events where player_id is not null and occurred_at >= ?"
                        + " group by 1 order by 1")
                .param(Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, i) -> new ActiveDay(rs.getObject("day", LocalDate.class), rs.getLong("players")))
                .list();
    }

    public List<MatchHour> matchesPerHour(int hours) {
        check("hours", hours, MAX_HOURS);
        Instant since = clock.instant().minus(Duration.ofHours(hours));
        return jdbc.sql("select date_trunc('hour', occurred_at) as hour, data->>'mode' as mode, count(*) as matches,"
                        + " avg(extract(epoch from ((data->>'ended_at')::timestamptz"
                        + " - (data->>'started_at')::timestamptz))) as seconds"
                        + " from analytics_events where type = 'match.finished' and occurred_at >= ?"
                        + " group by 1, 2 order by 1, 2")
                .param(Timestamp.from(since))
                .query((rs, i) -> new MatchHour(
                        rs.getTimestamp("hour").toInstant(),
                        rs.getString("mode"),
                        rs.getLong("matches"),
                        rs.getDouble("seconds")))
                .list();
    }

    private static void check(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw ApiException.badField(field, "validation_failed", field + " must be between 1 and " + max);
        }
    }
}
