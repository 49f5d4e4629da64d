package org.gamebackend.matchmaking.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The tickets waiting for one (mode, region), kept sorted two ways — by rating for pairing, by age for priority — so a
 * pass never sorts the pool. Owned by the matchmaker thread. A ticket may sit in several pools (region fallback);
 * tickets that left the search are dropped from here lazily, at the next pass.
 */
final class Pool {

    static final Comparator<Ticket> BY_RATING =
            Comparator.<Ticket>comparingDouble(t -> t.rating).thenComparing(t -> t.id.value());
    /** Backfill requests first (a running match is waiting), then the oldest. */
    static final Comparator<Ticket> BY_AGE = Comparator.<Ticket>comparingInt(t -> t.backfill == null ? 1 : 0)
            .thenComparingLong(t -> t.queuedAt)
            .thenComparing(t -> t.id.value());

    final Mode mode;
    final String region;
    private final ArrayList<Ticket> byRating = new ArrayList<>();
    private final ArrayList<Ticket> byAge = new ArrayList<>();
    private int players;

    Pool(Mode mode, String region) {
        this.mode = mode;
        this.region = region;
    }

    void add(Ticket t) {
        insert(byRating, t, BY_RATING);
        insert(byAge, t, BY_AGE);
        players += t.size();
    }

    /**
     * Pairs the searching tickets. Tickets that left the search, and those just proposed, leave the pool; a proposal
     * that fails to place puts its tickets back with {@link #add}.
     */
    List<Proposal> pass(long now) {
        compact();
        List<Proposal> made = Pairing.pass(mode, region, byRating, byAge, now);
        if (!made.isEmpty()) {
            compact();
        }
        return made;
    }

    /** Players in searching tickets (counted as of the last pass or add). */
    int players() {
        return players;
    }

    int tickets() {
        return byAge.size();
    }

    /** Whether the pool may hold a full match (a cheap hint to pair now rather than at the next interval). */
    boolean canFill() {
        return players >= mode.seats();
    }

    /** The oldest tickets first. */
    List<Ticket> byAge() {
        return Collections.unmodifiableList(byAge);
    }

    private void compact() {
        byRating.removeIf(t -> t.state != Ticket.State.SEARCHING);
        byAge.removeIf(t -> t.state != Ticket.State.SEARCHING);
        players = byAge.stream().mapToInt(Ticket::size).sum();
    }

    private static void insert(List<Ticket> list, Ticket t, Comparator<Ticket> order) {
        // New tickets are usually the youngest: check the end before searching.
        int size = list.size();
        if (size == 0 || order.compare(list.get(size - 1), t) <= 0) {
            list.add(t);
            return;
        }
        int at = Collections.binarySearch(list, t, order);
        list.add(at < 0 ? -at - 1 : at, t);
    }
}
