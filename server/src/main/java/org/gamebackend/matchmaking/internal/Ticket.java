package org.gamebackend.matchmaking.internal;

import java.util.List;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A waiting ticket as the pairing loop holds it: one player, or a party that is always matched whole. Its mutable
 * fields belong to the matchmaker thread.
 */
final class Ticket {

    enum State {
        /** In its pools, waiting. */
        SEARCHING,
        /** Picked for a group; the placement decides whether it is matched or goes back. */
        PLACING,
        /** Matched, cancelled or expired: out of every pool. */
        DONE
    }

    /** @param rating the player's rating in the ticket's mode when the ticket was made */
    record Member(PlayerId player, double rating) {}

    /** What a backfill ticket asks for: one player for this seat of this running match. */
    record Backfill(MatchId match, int seat, int team) {}

    final TicketId id;
    final String mode;
    final String region;
    final Map<String, Integer> latencies;
    final List<Member> members;
    final @Nullable PartyId party;
    /** When the ticket started waiting (epoch ms); kept when a ticket is re-queued after a no-show. */
    final long queuedAt;
    /** The rating the ticket is matched by (see {@link #partyRating}). */
    final double rating;
    /** The sum of its members' ratings, for team balance. */
    final double ratingSum;
    /** Set for a backfill ticket, which has no players and is served before every other ticket of its pool. */
    final @Nullable Backfill backfill;

    /** When the ticket stops searching (epoch ms). */
    long expiresAt = Long.MAX_VALUE;

    State state = State.SEARCHING;
    /** Pools the ticket was offered to outside its own region. */
    boolean offeredAbroad;
    // scratch of the current pairing pass
    double window;
    int slot;

    Ticket(
            TicketId id,
            String mode,
            String region,
            Map<String, Integer> latencies,
            List<Member> members,
            @Nullable PartyId party,
            long queuedAt) {
        this(id, mode, region, latencies, members, party, queuedAt, null, partyRating(members));
    }

    private Ticket(
            TicketId id,
            String mode,
            String region,
            Map<String, Integer> latencies,
            List<Member> members,
            @Nullable PartyId party,
            long queuedAt,
            @Nullable Backfill backfill,
            double rating) {
        if (members.isEmpty() == (backfill == null)) {
            throw new IllegalArgumentException("a ticket has players, or is a backfill request without any");
        }
        this.id = id;
        this.mode = mode;
        this.region = region;
        this.latencies = Map.copyOf(latencies);
        this.members = List.copyOf(members);
        this.party = party;
        this.queuedAt = queuedAt;
        this.rating = rating;
        this.backfill = backfill;
        this.ratingSum = this.members.stream().mapToDouble(Member::rating).sum();
    }

    /** A request for one player near {@code rating} for a seat of a running match. */
    static Ticket backfill(TicketId id, String mode, String region, Backfill backfill, double rating, long queuedAt) {
        return new Ticket(id, mode, region, Map.of(), List.of(), null, queuedAt, backfill, rating);
    }

    /** The same ticket as a fresh object, searching again (the old object stays behind in pools as done). */
    Ticket again() {
        Ticket t = new Ticket(id, mode, region, latencies, members, party, queuedAt, backfill, rating);
        t.expiresAt = expiresAt;
        return t;
    }

    int size() {
        return members.size();
    }

    /**
     * A party is matched by the mean of its ratings raised halfway toward its best player: a strong player cannot carry
     * a weak friend into easy matches, and a party of equals is rated as any of them.
     */
    static double partyRating(List<Member> members) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (Member m : members) {
            sum += m.rating();
            max = Math.max(max, m.rating());
        }
        double mean = sum / members.size();
        return (mean + max) / 2;
    }

    @Override
    public String toString() {
        return "Ticket[" + id + " " + mode + "/" + region + " " + members.size() + "p r=" + Math.round(rating) + "]";
    }
}
