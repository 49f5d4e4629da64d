package org.gamebackend.ranking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.accounts.Profiles;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.Seat;
import org.gamebackend.ranking.RatingChanged;
import org.gamebackend.ranking.internal.rating.RatingSystem;
import org.gamebackend.ranking.internal.rating.Side;
import org.gamebackend.ranking.internal.rating.Skill;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one finished match: stats, match history and (in a ranked mode) ratings and their history, all in one
 * transaction that first claims the match in {@code rated_matches} — so a second run, a duplicate event or a job
 * retried after its worker died mid-way changes nothing twice. Bots play at a new player's skill and are never
 * written.
 */
final class RatingApplier {

    /** What happened to one rated player, for the board and the cache once the transaction commits. */
    record Applied(
            PlayerId player,
            String mode,
            int season,
            @Nullable String region,
            @Nullable String previousRegion,
            double before,
            double rating) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final RatingStore store;
    private final RatingSystems systems;
    private final Seasons seasons;
    private final Profiles profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration ratingPeriod;

    /** Runs just before commit; tests use it to kill a job half-way. */
    volatile Runnable beforeCommit = () -> {};

    RatingApplier(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            RatingSystems systems,
            Seasons seasons,
            Profiles profiles,
            ApplicationEventPublisher events,
            Clock clock,
            RankingProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.store = new RatingStore(jdbc);
        this.systems = systems;
        this.seasons = seasons;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
        this.ratingPeriod = props.ratingPeriod();
    }

    /**
     * Applies the queued match; empty when it was applied before, is being applied by another job right now, or was
     * never queued.
     */
    List<Applied> apply(UUID matchId) {
        List<Applied> applied = tx.execute(status -> {
            // Not waiting for the WAL flush is safe here: a commit lost in a crash loses the queue row's delete with
            // the rest, so the match is simply applied again — and the flush is most of the cost of a rating
            jdbc.sql("set local synchronous_commit = off").update();
            // skip locked: a match another job is applying right now is that job's; this one moves on
            var queued = jdbc.sql("select event from rating_queue where match_id = ? for update skip locked")
                    .param(matchId)
                    .query(String.class)
                    .optional();
            if (queued.isEmpty()) {
                return List.<Applied>of();
            }
            jdbc.sql("delete from rating_queue where match_id = ?")
                    .param(matchId)
                    .update();
            int claimed = jdbc.sql("insert into rated_matches (match_id, applied_at) values (?, now())"
                            + " on conflict do nothing")
                    .param(matchId)
                    .update();
            if (claimed == 0) {
                return List.<Applied>of();
            }
            List<Applied> result = applyClaimed(json.readValue(queued.get(), MatchFinished.class));
            beforeCommit.run();
            return result;
        });
        return applied == null ? List.of() : applied;
    }

    private List<Applied> applyClaimed(MatchFinished match) {
        Outcome outcome = Outcome.of(match);
        boolean withBots = match.seats().stream().anyMatch(Seat::bot);
        boolean ranked =
                outcome.placed() && systems.ranked(match.mode()) && (!withBots || systems.rankedWithBots(match.mode()));
        Map<PlayerId, Skill> after = Map.of();
        Map<PlayerId, RatingStore.Stored> before = Map.of();
        List<PlayerId> humans =
                match.seats().stream().filter(s -> !s.bot()).map(Seat::player).toList();
        if (ranked) {
            before = store.lock(humans, match.mode());
            after = rate(systems.of(match.mode()), outcome, before);
        }
        Map<PlayerId, Profile> people = profiles.profiles(humans);
        int season = seasons.current();
        Instant now = clock.instant();
        List<Applied> applied = new ArrayList<>();
        for (int side = 0; side < outcome.sides().size(); side++) {
            String result = outcome.outcomeOf(side);
            int place = outcome.placed() ? outcome.places().get(side) : 0;
            for (Seat seat : outcome.sides().get(side)) {
                if (seat.bot()) {
                    continue;
                }
                PlayerId player = seat.player();
                store.countGame(player, match.mode(), result);
                Skill rated = after.get(player);
                RatingStore.Stored was = before.get(player);
                Applied change =
                        rated == null ? null : saveRating(match, player, rated, was, people.get(player), season, now);
                if (change != null) {
                    applied.add(change);
                }
                store.playerMatch(
                        player,
                        match.matchId().value(),
                        match.game(),
                        match.mode(),
                        match.status(),
                        result,
                        place,
                        change == null ? null : change.before(),
                        change == null ? null : change.rating(),
                        match.endedAt());
            }
        }
        return applied;
    }

    /** Writes one player's new rating, its history and its event. */
    private Applied saveRating(
            MatchFinished match,
            PlayerId player,
            Skill rated,
            RatingStore.@Nullable Stored was,
            @Nullable Profile profile,
            int season,
            Instant now) {
        double before = was == null
                ? systems.of(match.mode()).initial().rating()
                : was.skill().rating();
        String region = profile == null ? null : profile.region();
        store.save(
                player, match.mode(), systems.nameOf(match.mode()), rated, season, region, now, now.plus(ratingPeriod));
        store.history(player, match.mode(), match.matchId().value(), season, before, rated, now);
        events.publishEvent(new RatingChanged(
                player, match.mode(), match.matchId(), season, before, rated.rating(), rated.deviation()));
        return new Applied(
                player, match.mode(), season, region, was == null ? null : was.region(), before, rated.rating());
    }

    /** New skills for the humans; bots enter at the system's initial skill and their results are dropped. */
    private static Map<PlayerId, Skill> rate(
            RatingSystem system, Outcome outcome, Map<PlayerId, RatingStore.Stored> stored) {
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < outcome.sides().size(); i++) {
            List<Skill> skills = new ArrayList<>();
            for (Seat seat : outcome.sides().get(i)) {
                RatingStore.Stored s = seat.bot() ? null : stored.get(seat.player());
                skills.add(s == null ? system.initial() : s.skill());
            }
            sides.add(new Side(skills, outcome.places().get(i)));
        }
        List<List<Skill>> rated = system.rate(sides);
        Map<PlayerId, Skill> after = new java.util.HashMap<>();
        for (int i = 0; i < rated.size(); i++) {
            List<Seat> seats = outcome.sides().get(i);
            for (int j = 0; j < seats.size(); j++) {
                if (!seats.get(j).bot()) {
                    after.put(seats.get(j).player(), rated.get(i).get(j));
                }
            }
        }
        return after;
    }
}
