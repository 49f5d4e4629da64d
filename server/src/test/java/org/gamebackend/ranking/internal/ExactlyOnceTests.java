package org.gamebackend.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.gamebackend.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rating changes once per finished match: when the event arrives twice, when the job runs twice, and when a job dies
 * half-way through and is run again. The events are published the way the engine publishes them (inside the
 * transaction that stores a result); JobRunr runs the jobs in the background as in production.
 */
@ApiTest
class ExactlyOnceTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RatingJobs jobs;

    @Autowired
    RatingApplier applier;

    @AfterEach
    void heal() {
        applier.beforeCommit = () -> {};
    }

    @Test
    void theSameMatchDeliveredTwiceAndAppliedTwiceChangesRatingsOnce() {
        MatchFinished match = duel();
        finish(match);
        finish(match);
        jobs.applyRating(match.matchId().value());
        jobs.applyRating(match.matchId().value());
        await().atMost(Duration.ofSeconds(30)).until(() -> queued(match) == 0);

        PlayerId winner = match.seats().get(0).player();
        PlayerId loser = match.seats().get(1).player();
        assertThat(games(winner)).isEqualTo(1);
        assertThat(games(loser)).isEqualTo(1);
        assertThat(rating(winner)).isGreaterThan(1500);
        assertThat(rating(loser)).isLessThan(1500);
        assertThat(jdbc.sql("select wins from player_stats where player_id = ? and mode = 'tictactoe'")
                        .param(winner.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from rating_history where match_id = ?")
                        .param(match.matchId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aJobKilledHalfWayLeavesNothingAndItsRetryAppliesOnce() {
        MatchFinished match = duel();
        applier.beforeCommit = () -> {
            throw new IllegalStateException("worker killed");
        };
        finish(match);
        // JobRunr's own batch may be trying the same match at this moment (it then skips it here): either way every
        // attempt dies before its commit
        Throwable died = catchThrowable(() -> jobs.applyRating(match.matchId().value()));
        if (died != null) {
            assertThat(died).hasMessage("worker killed");
        }
        PlayerId winner = match.seats().get(0).player();
        assertThat(games(winner)).as("nothing of the dead attempt is left").isZero();
        assertThat(queued(match)).as("the match still waits for its job").isEqualTo(1);

        applier.beforeCommit = () -> {};
        jobs.applyRating(match.matchId().value());
        jobs.applyRating(match.matchId().value());
        await().atMost(Duration.ofSeconds(30)).until(() -> queued(match) == 0);
        assertThat(games(winner)).isEqualTo(1);
    }

    @Test
    void aMatchThatFailsStaysQueuedWithItsErrorAndFailsItsBatchUntilItCanBeApplied() {
        MatchFinished match = duel();
        applier.beforeCommit = () -> {
            throw new IllegalStateException("database hiccup");
        };
        finish(match);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Throwable failed = catchThrowable(jobs::applyWaiting);
            assertThat(failed)
                    .satisfiesAnyOf(
                            f -> assertThat(f).isNull(), f -> assertThat(f).hasMessageContaining("could not be rated"));
            return attempts(match) > 0;
        });
        assertThat(jdbc.sql("select attempts, last_error from rating_queue where match_id = ?")
                        .param(match.matchId().value())
                        .query((rs, i) -> rs.getInt("attempts") + " " + rs.getString("last_error"))
                        .single())
                .matches("[1-9][0-9]* .*database hiccup.*");

        applier.beforeCommit = () -> {};
        jobs.applyWaiting();
        await().atMost(Duration.ofSeconds(30)).until(() -> queued(match) == 0);
        assertThat(games(match.seats().get(0).player())).isEqualTo(1);
    }

    @Test
    void jobRunrAppliesAFinishedMatchWithoutHelp() {
        MatchFinished match = duel();
        finish(match);
        PlayerId winner = match.seats().get(0).player();
        await().atMost(Duration.ofSeconds(40)).until(() -> games(winner) == 1);
        assertThat(rating(winner)).isGreaterThan(1500);
    }

    @Test
    void aMatchOfBotsOnlyIsNotQueued() {
        MatchFinished bots = new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                "tictactoe",
                List.of(
                        new Seat(0, new PlayerId(UUID.randomUUID()), true, 0),
                        new Seat(1, new PlayerId(UUID.randomUUID()), true, 1)),
                MatchResult.FINISHED,
                Map.of("reason", "draw"),
                Instant.now(),
                Instant.now());
        finish(bots);
        assertThat(queued(bots)).isZero();
    }

    @Test
    void aWinOverABotIsCountedButRatedOnlyWhereTheModeSaysSo() {
        PlayerId human = new PlayerId(UUID.randomUUID());
        finish(againstABot("tictactoe", human));
        await().atMost(Duration.ofSeconds(40)).until(() -> stats(human, "tictactoe") == 1);
        assertThat(jdbc.sql("select count(*) from ratings where player_id = ?")
                        .param(human.value())
                        .query(Long.class)
                        .single())
                .as("tictactoe leaves bots.ranked off: no rating from a bot")
                .isZero();

        finish(againstABot("duel-bots", human)); // bots.ranked: true in test-modes.yml
        await().atMost(Duration.ofSeconds(40)).until(() -> stats(human, "duel-bots") == 1);
        assertThat(jdbc.sql("select rating from ratings where player_id = ? and mode = 'duel-bots'")
                        .param(human.value())
                        .query(Double.class)
                        .single())
                .isGreaterThan(1500);
    }

    private static MatchFinished againstABot(String mode, PlayerId human) {
        return new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                mode,
                List.of(new Seat(0, human, false, 0), new Seat(1, new PlayerId(UUID.randomUUID()), true, 1)),
                MatchResult.FINISHED,
                Map.of("winner", human.toString(), "reason", "line"),
                Instant.now().minusSeconds(30),
                Instant.now());
    }

    private int stats(PlayerId player, String mode) {
        return jdbc.sql("select coalesce(max(wins), 0) from player_stats where player_id = ? and mode = ?")
                .params(player.value(), mode)
                .query(Integer.class)
                .single();
    }

    private void finish(MatchFinished match) {
        FinishedMatches.publish(tx, events, match);
    }

    private static MatchFinished duel() {
        return FinishedMatches.won("tictactoe", new PlayerId(UUID.randomUUID()), new PlayerId(UUID.randomUUID()));
    }

    private int attempts(MatchFinished match) {
        return jdbc.sql("select coalesce(max(attempts), 0) from rating_queue where match_id = ?")
                .param(match.matchId().value())
                .query(Integer.class)
                .single();
    }

    private long queued(MatchFinished match) {
        return jdbc.sql("select count(*) from rating_queue where match_id = ?")
                .param(match.matchId().value())
                .query(Long.class)
                .single();
    }

    private int games(PlayerId player) {
        return jdbc.sql("select coalesce(max(games), 0) from ratings where player_id = ? and mode = 'tictactoe'")
                .param(player.value())
                .query(Integer.class)
                .single();
    }

    private double rating(PlayerId player) {
        return jdbc.sql("select rating from ratings where player_id = ? and mode = 'tictactoe'")
                .param(player.value())
                .query(Double.class)
                .single();
    }
}
