package org.gamebackend.events.internal.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.Seat;
import org.gamebackend.matchmaking.MatchMade;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.ranking.RatingChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire schema of docs/events.md, and ids that stay the same for every delivery of one event. */
class EnvelopesTests {

    static final Instant T0 = Instant.parse("2026-12-03T04:00:00Z");
    static final Instant T1 = Instant.parse("2026-12-03T04:05:00.250Z");

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFinishedMatchKeepsItsIdAndCarriesItsEndAsTheTimeItOccurred() {
        PlayerId p1 = new PlayerId(UUID.randomUUID());
        MatchFinished match = new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                "duel",
                List.of(new Seat(0, p1, false, 0), new Seat(1, new PlayerId(UUID.randomUUID()), true, 1)),
                "finished",
                Map.of("winner", 0),
                T0,
                T1);

        Envelope e = Envelopes.matchFinished(match);
        JsonNode wire = json.readTree(json.writeValueAsString(e));

        assertThat(Envelopes.matchFinished(match).id()).isEqualTo(e.id());
        assertThat(wire.get("id").asString()).isEqualTo(e.id().toString());
        assertThat(wire.get("type").asString()).isEqualTo("match.finished");
        assertThat(wire.get("version").asInt()).isEqualTo(1);
        assertThat(wire.get("occurred_at").asString()).isEqualTo("2026-12-03T04:05:00.250Z");
        assertThat(wire.has("player_id")).as("not on the wire").isFalse();
        JsonNode data = wire.get("data");
        assertThat(data.get("match_id").asString()).isEqualTo(match.matchId().toString());
        assertThat(data.get("started_at").asString()).isEqualTo("2026-12-03T04:00:00Z");
        assertThat(data.get("seats").get(0).get("player_id").asString()).isEqualTo(p1.toString());
        assertThat(data.get("seats").get(1).get("bot").asBoolean()).isTrue();
        assertThat(data.get("result").get("winner").asInt()).isZero();
    }

    @Test
    void idsDependOnTheNaturalKeyNotOnWhenTheEventWentOut() {
        PlayerId player = new PlayerId(UUID.randomUUID());
        MatchId match = new MatchId(UUID.randomUUID());
        RatingChanged change = new RatingChanged(player, "duel", match, 1, 1500, 1516.2, 180);

        Envelope first = Envelopes.ratingChanged(change, T0);
        assertThat(Envelopes.ratingChanged(change, T1).id()).isEqualTo(first.id());
        assertThat(first.playerId()).isEqualTo(player.value());
        RatingChanged otherPlayer =
                new RatingChanged(new PlayerId(UUID.randomUUID()), "duel", match, 1, 1500, 1484, 180);
        assertThat(Envelopes.ratingChanged(otherPlayer, T0).id()).isNotEqualTo(first.id());

        // a match made and, later, a backfill into the same match are two events
        MatchMade made = new MatchMade(match, "duel", "eu", List.of(TicketId.random(), TicketId.random()), 10, 5, 0);
        MatchMade backfill = new MatchMade(match, "duel", "eu", List.of(TicketId.random()), 0, 0, 0);
        assertThat(Envelopes.matchMade(made, T0).id())
                .isEqualTo(Envelopes.matchMade(made, T1).id())
                .isNotEqualTo(Envelopes.matchMade(backfill, T0).id());
    }
}
