package org.gamebackend.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Season rollover (archived board, soft reset, new empty board) and Glicko-2's deviation growth for idle players. */
@ApiTest
class SeasonTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RatingJobs jobs;

    @Autowired
    Seasons seasons;

    @Autowired
    SeasonRollover rollover;

    @Autowired
    RankingService ranking;

    @Autowired
    IdleDeviation idle;

    @Test
    void rolloverArchivesTheBoardSoftResetsRatingsAndStartsAnEmptyBoard() {
        PlayerId winner = new PlayerId(UUID.randomUUID());
        PlayerId loser = new PlayerId(UUID.randomUUID());
        play(winner, loser);
        int season = seasons.current();
        double before = rating(winner);
        long winnerRank = ranking.board("tictactoe", null, season, 100, null).entries().stream()
                .filter(e -> e.playerId().equals(winner.value()))
                .findFirst()
                .map(RankingService.EntryView::rank)
                .orElseGet(() -> ranking.around("tictactoe", winner, null, season, 0)
                        .entries()
                        .getFirst()
                        .rank());

        rollover.roll(season);

        assertThat(seasons.current()).isEqualTo(season + 1);
        assertThat(rating(winner))
                .as("half the distance from 1500 carries over")
                .isCloseTo(1500 + (before - 1500) * 0.5, org.assertj.core.data.Offset.offset(1e-9));
        var archived = ranking.around("tictactoe", winner, null, season, 0);
        assertThat(archived.entries()).singleElement().satisfies(e -> {
            assertThat(e.rank()).isEqualTo(winnerRank);
            assertThat(e.rating()).isEqualTo(before);
        });
        assertThat(ranking.board("tictactoe", null, season + 1, 10, null).total())
                .as("nobody has played the new season yet")
                .isZero();
        rollover.roll(season);
        assertThat(seasons.current())
                .as("rolling an ended season again does nothing")
                .isEqualTo(season + 1);

        play(winner, loser);
        assertThat(ranking.around("tictactoe", winner, null, null, 0).entries())
                .singleElement()
                .satisfies(e -> assertThat(e.rank()).isEqualTo(1));
    }

    @Test
    void anIdleGlickoPlayersDeviationGrowsOncePerPeriodUpToTheInitialDeviation() {
        PlayerId player = new PlayerId(UUID.randomUUID());
        play(player, new PlayerId(UUID.randomUUID()));
        double deviation = deviation(player);
        jdbc.sql("update ratings set idle_until = ? where player_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), player.value())
                .update();
        assertThat(idle.grow()).isPositive();
        double grown = deviation(player);
        assertThat(grown).isGreaterThan(deviation).isLessThanOrEqualTo(350);
        idle.grow();
        assertThat(deviation(player)).as("not again within the same period").isEqualTo(grown);

        jdbc.sql("update ratings set deviation = 349.99, idle_until = ? where player_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), player.value())
                .update();
        idle.grow();
        assertThat(deviation(player)).isEqualTo(350);
    }

    private void play(PlayerId winner, PlayerId loser) {
        MatchFinished match = FinishedMatches.won("tictactoe", winner, loser);
        FinishedMatches.publish(tx, events, match);
        jobs.applyRating(match.matchId().value());
        // JobRunr's batch may hold the match (applyRating then skips it): wait until it is applied either way
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from rating_queue where match_id = ?")
                                .param(match.matchId().value())
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private double rating(PlayerId player) {
        return jdbc.sql("select rating from ratings where player_id = ? and mode = 'tictactoe'")
                .param(player.value())
                .query(Double.class)
                .single();
    }

    private double deviation(PlayerId player) {
        return jdbc.sql("select deviation from ratings where player_id = ? and mode = 'tictactoe'")
                .param(player.value())
                .query(Double.class)
                .single();
    }
}
