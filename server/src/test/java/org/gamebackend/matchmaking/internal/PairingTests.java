package org.gamebackend.matchmaking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.matchmaking.internal.Proposal.PlannedSeat;
import org.junit.jupiter.api.Test;

class PairingTests {

    static final long T0 = 1_000_000;

    static Mode mode(int teams, int teamSize) {
        return new Mode(
                "m",
                "g",
                teams,
                teamSize,
                true,
                Set.of("eu", "na"),
                100,
                10,
                400,
                15_000,
                120,
                true,
                30_000,
                1,
                300_000);
    }

    static Ticket ticket(long queuedAt, double... ratings) {
        List<Ticket.Member> members = Arrays.stream(ratings)
                .mapToObj(r -> new Ticket.Member(new PlayerId(UUID.randomUUID()), r))
                .toList();
        PartyId party = ratings.length > 1 ? new PartyId(UUID.randomUUID()) : null;
        return new Ticket(TicketId.random(), "m", "eu", Map.of(), members, party, queuedAt);
    }

    static List<Proposal> pass(Mode mode, long now, Ticket... tickets) {
        Pool pool = new Pool(mode, "eu");
        for (Ticket t : tickets) {
            pool.add(t);
        }
        return pool.pass(now);
    }

    @Test
    void ticketsOutsideEachOthersWindowWaitUntilTheWindowsWiden() {
        Mode oneVsOne = mode(2, 1);
        assertThat(pass(oneVsOne, T0, ticket(T0, 1500), ticket(T0, 1750))).isEmpty();
        // 100 + 10/s: 250 apart fits after 15 s of waiting
        assertThat(pass(oneVsOne, T0 + 14_000, ticket(T0, 1500), ticket(T0, 1750)))
                .isEmpty();
        List<Proposal> made = pass(oneVsOne, T0 + 15_000, ticket(T0, 1500), ticket(T0, 1750));
        assertThat(made).singleElement().satisfies(p -> assertThat(p.spread()).isEqualTo(250));
    }

    @Test
    void theSpreadMustFitTheNarrowestWindowOfTheGroup() {
        Mode oneVsOne = mode(2, 1);
        Ticket old = ticket(T0 - 20_000, 1500); // window 300
        Ticket young = ticket(T0, 1700); // window 100
        assertThat(pass(oneVsOne, T0, old, young)).isEmpty();
        assertThat(pass(oneVsOne, T0 + 10_000, ticket(T0 - 20_000, 1500), ticket(T0, 1700)))
                .hasSize(1);
    }

    @Test
    void windowsStopWideningAtTheModesMaximum() {
        Mode oneVsOne = new Mode("m", "g", 2, 1, true, Set.of("eu"), 100, 10, 400, 0, 120, false, 0, 1, 300_000);
        long anHourLater = T0 + 3_600_000;
        assertThat(pass(oneVsOne, anHourLater, ticket(T0, 1000), ticket(T0, 1401)))
                .isEmpty();
        assertThat(pass(oneVsOne, anHourLater, ticket(T0, 1000), ticket(T0, 1400)))
                .hasSize(1);
    }

    @Test
    void theOldestTicketIsServedFirstAndTakesItsNearestNeighbour() {
        Ticket oldest = ticket(T0 - 5_000, 1500);
        Ticket near = ticket(T0, 1510);
        Ticket far = ticket(T0 - 1_000, 1560);
        List<Proposal> made = pass(mode(2, 1), T0, far, near, oldest);
        assertThat(made)
                .singleElement()
                .satisfies(p -> assertThat(p.tickets()).containsExactlyInAnyOrder(oldest, near));
        assertThat(far.state).isEqualTo(Ticket.State.SEARCHING);
        assertThat(oldest.state).isEqualTo(Ticket.State.PLACING);
    }

    @Test
    void nobodyIsPutInTwoGroups() {
        List<Ticket> tickets = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            tickets.add(ticket(T0 - random.nextInt(60_000), 1500 + random.nextGaussian() * 300));
        }
        List<Proposal> made = pass(mode(2, 2), T0, tickets.toArray(Ticket[]::new));
        List<PlayerId> seated = made.stream()
                .flatMap(p -> p.seats().stream())
                .map(PlannedSeat::player)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(seated).doesNotHaveDuplicates();
        assertThat(made.size()).isGreaterThan(400);
        assertThat(made).allSatisfy(p -> assertThat(p.seats()).hasSize(4));
    }

    @Test
    void aPartyIsNeverSplitAndTeamsAreBalanced() {
        Ticket party = ticket(T0, 1500, 1500);
        Ticket a = ticket(T0, 1450);
        Ticket b = ticket(T0, 1550);
        Proposal p = pass(mode(2, 2), T0, party, a, b).getFirst();
        List<PlayerId> partyPlayers =
                party.members.stream().map(Ticket.Member::player).toList();
        int partyTeam = teamOf(p, partyPlayers.get(0));
        assertThat(teamOf(p, partyPlayers.get(1))).isEqualTo(partyTeam);
        assertThat(teamOf(p, a.members.getFirst().player()))
                .isEqualTo(teamOf(p, b.members.getFirst().player()))
                .isNotEqualTo(partyTeam);
        assertThat(p.imbalance()).isZero();
    }

    @Test
    void singlesAreSplitToMinimiseTheDifferenceOfTeamSums() {
        Proposal p = pass(
                        mode(2, 2),
                        T0 - 60_000 + 60_000,
                        ticket(T0 - 40_000, 1200),
                        ticket(T0 - 40_000, 1300),
                        ticket(T0 - 40_000, 1400),
                        ticket(T0 - 40_000, 1500))
                .getFirst();
        // {1200, 1500} against {1300, 1400}
        assertThat(p.imbalance()).isZero();
        assertThat(p.seats()).extracting(PlannedSeat::team).containsExactly(0, 0, 1, 1);
    }

    @Test
    void aPartyTooBigForTheRemainingSeatsIsLeftForAnotherMatch() {
        Mode twoVsTwo = mode(2, 2);
        Ticket party1 = ticket(T0 - 2_000, 1500, 1500);
        Ticket single = ticket(T0 - 1_000, 1500);
        Ticket party2 = ticket(T0, 1500, 1500);
        List<Proposal> made = pass(twoVsTwo, T0, party1, single, party2);
        assertThat(made)
                .singleElement()
                .satisfies(p -> assertThat(p.tickets()).containsExactlyInAnyOrder(party1, party2));
        assertThat(single.state).isEqualTo(Ticket.State.SEARCHING);
    }

    @Test
    void aTicketTooBigForTheModeIsNeverPairedEvenWithItself() {
        Ticket party = ticket(T0 - 60_000, 1500, 1500); // a 1v1 takes no parties
        Ticket single = ticket(T0, 1500);
        assertThat(pass(mode(2, 1), T0, party, single)).isEmpty();
        assertThat(party.state).isEqualTo(Ticket.State.SEARCHING);
    }

    @Test
    void aFreeForAllSeatsEveryPlayerOnATeamOfTheirOwn() {
        Ticket party = ticket(T0, 1500, 1500);
        Proposal p =
                pass(mode(4, 1), T0, party, ticket(T0, 1500), ticket(T0, 1500)).getFirst();
        assertThat(p.seats()).extracting(PlannedSeat::team).containsExactly(0, 1, 2, 3);
    }

    @Test
    void botsFillEmptySeatsOnlyAfterTheBotDelay() {
        Mode ffa = mode(4, 1);
        assertThat(pass(ffa, T0 + 29_999, ticket(T0, 1600), ticket(T0, 1640))).isEmpty();
        Proposal p = pass(ffa, T0 + 30_000, ticket(T0, 1600), ticket(T0, 1640)).getFirst();
        assertThat(p.bots()).isEqualTo(2);
        assertThat(p.seats())
                .filteredOn(PlannedSeat::bot)
                .allSatisfy(s -> assertThat(s.rating()).isEqualTo(1620));
    }

    @Test
    void botsNeverFillAGroupWithFewerHumansThanTheModeAsks() {
        Mode ffa = new Mode("m", "g", 4, 1, true, Set.of("eu"), 100, 10, 400, 0, 120, true, 30_000, 2, 300_000);
        assertThat(pass(ffa, T0 + 60_000, ticket(T0, 1600))).isEmpty();
        assertThat(pass(ffa, T0 + 60_000, ticket(T0, 1600), ticket(T0, 1600))).hasSize(1);
    }

    @Test
    void aBackfillRequestIsServedFirstWithOnePlayerNearTheMatchsRating() {
        Ticket request = Ticket.backfill(
                TicketId.random(),
                "m",
                "eu",
                new Ticket.Backfill(org.gamebackend.engine.MatchId.random(), 2, 2),
                1800,
                T0);
        Ticket near = ticket(T0 - 5_000, 1790);
        Ticket far = ticket(T0 - 9_000, 1500);
        Ticket party = ticket(T0 - 9_000, 1800, 1800);
        List<Proposal> made = pass(mode(4, 1), T0, far, near, party, request);
        Proposal filled =
                made.stream().filter(p -> p.backfill() != null).findFirst().orElseThrow();
        assertThat(filled.tickets()).containsExactly(request, near);
        assertThat(filled.seats()).singleElement().satisfies(s -> {
            assertThat(s.player()).isEqualTo(near.members.getFirst().player());
            assertThat(s.team()).isEqualTo(2);
        });
        assertThat(party.state).as("a party never takes a backfill seat").isEqualTo(Ticket.State.SEARCHING);
    }

    @Test
    void aBackfillRequestIsNeverFilledWithBots() {
        Ticket request = Ticket.backfill(
                TicketId.random(),
                "m",
                "eu",
                new Ticket.Backfill(org.gamebackend.engine.MatchId.random(), 0, 0),
                1500,
                T0);
        assertThat(pass(mode(4, 1), T0 + 3_600_000, request)).isEmpty();
    }

    @Test
    void aPartyIsRatedBetweenItsMeanAndItsBestPlayer() {
        assertThat(ticket(T0, 1000, 2000).rating).isEqualTo(1750);
        assertThat(ticket(T0, 1500, 1500, 1500).rating).isEqualTo(1500);
    }

    @Test
    void theBalancerRefusesUnitsThatCannotFillTheTeams() {
        assertThat(TeamBalancer.balance(new int[] {2, 2, 1}, new double[] {1, 1, 1}, 2, 3))
                .isNull();
        assertThat(TeamBalancer.balance(new int[] {3, 3}, new double[] {1, 1}, 2, 2))
                .isNull();
        assertThat(TeamBalancer.balance(new int[] {2, 1, 1}, new double[] {3000, 1400, 1600}, 2, 2))
                .containsExactly(0, 1, 1);
    }

    private static int teamOf(Proposal p, PlayerId player) {
        return p.seats().stream()
                .filter(s -> player.equals(s.player()))
                .findFirst()
                .orElseThrow()
                .team();
    }
}
