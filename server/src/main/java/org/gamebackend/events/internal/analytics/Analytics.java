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

    /** How long players of one mode waited in the queue before being matched (from {@code match.made}'s waits). */
    public record QueueWait(String mode, long tickets, double p50Seconds, double p90Seconds, double p99Seconds) {}

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

    /** Queue waits per mode over the last {@code hours}: one sample per player ticket matched (backfills included). */
    public List<QueueWait> queueWaits(int hours) {
        check("hours", hours, MAX_HOURS);
        Instant since = clock.instant().minus(Duration.ofHours(hours));
        return jdbc.sql("select data->>'mode' as mode, count(*) as tickets,"
                        + " percentile_cont(0.5) within group (order by w.ms) / 1000.0 as p50,"
                        + " percentile_cont(0.9) within group (order by w.ms) / 1000.0 as p90,"
                        + " percentile_cont(0.99) within group (order by w.ms) / 1000.0 as p99"
                        + " from analytics_events,"
                        + " lateral (select value::bigint as ms from jsonb_array_elements_text("
                        + " coalesce(data->'waits_ms', '[]'::jsonb))) as w"
                        + " where type = 'match.made' and occurred_at >= ?"
                        + " group by 1 order by 1")
                .param(Timestamp.from(since))
                .query((rs, i) -> new QueueWait(
                        rs.getString("mode"),
                        rs.getLong("tickets"),
                        rs.getDouble("p50"),
                        rs.getDouble("p90"),
                        rs.getDouble("p99")))
                .list();
    }

    private static void check(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw ApiException.badField(field, "validation_failed", field + " must be between 1 and " + max);
        }
    }
}
