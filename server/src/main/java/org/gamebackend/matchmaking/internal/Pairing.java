package org.gamebackend.matchmaking.internal;

import java.util.ArrayList;
import java.util.List;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.internal.Proposal.PlannedSeat;

/**
 * One pairing pass over a pool: the oldest waiting ticket first, each takes the nearest tickets by rating whose spread
 * fits every member's current window, until its match is full; then the teams are balanced. A group that cannot fill
 * is filled with bots once its oldest ticket has waited the mode's bot delay. Pure: the clock is a parameter.
 *
 * <p>Cost: the pool is kept sorted by rating, and tickets already taken are unlinked from a list over that order, so
 * each anchor looks only at its free neighbours — a pass is linear in the pool with a small constant.
 */
final class Pairing {

    /** Neighbours an anchor examines at most on each side before it gives up for this pass. */
    static final int SCAN_LIMIT = 64;

    private static final java.util.Comparator<Ticket> BIGGEST_FIRST =
            java.util.Comparator.comparingInt(Ticket::size).reversed();

    private final Mode mode;
    private final String region;
    private final List<Ticket> byRating;
    private final long now;
    private final int[] prev;
    private final int[] next;
    private final List<Ticket> group = new ArrayList<>();
    private final List<Ticket> near = new ArrayList<>();
    // the group being built around the current anchor
    private int need;
    private double min;
    private double max;
    private double window;
    // scratch of the team-packing check: tickets per size, room left per team
    private final int[] bySize;
    private final int[] rooms;

    private Pairing(Mode mode, String region, List<Ticket> byRating, long now) {
        this.mode = mode;
        this.region = region;
        this.byRating = byRating;
        this.now = now;
        int n = byRating.size();
        this.prev = new int[n];
        this.next = new int[n];
        this.bySize = new int[mode.seats() + 1];
        this.rooms = new int[mode.teams()];
    }

    /**
     * Pairs the searching tickets of one pool. Tickets put into a proposal are marked {@link Ticket.State#PLACING}.
     *
     * @param byRating the pool's tickets sorted by rating
     * @param byAge the same tickets, the ones to serve first first
     */
    static List<Proposal> pass(Mode mode, String region, List<Ticket> byRating, List<Ticket> byAge, long now) {
        return new Pairing(mode, region, byRating, now).run(byAge);
    }

    private List<Proposal> run(List<Ticket> byAge) {
        int n = byRating.size();
        for (int i = 0; i < n; i++) {
            Ticket t = byRating.get(i);
            t.slot = i;
            t.window = mode.window(now - t.queuedAt);
            prev[i] = i - 1;
            next[i] = i + 1;
        }
        List<Proposal> made = new ArrayList<>();
        for (Ticket anchor : byAge) {
            if (anchor.state != Ticket.State.SEARCHING || anchor.size() > mode.maxPartySize()) {
                continue; // too big for this mode (its configuration shrank since it was queued): it expires
            }
            Proposal p = groupAround(anchor);
            if (p != null) {
                for (Ticket t : p.tickets()) {
                    t.state = Ticket.State.PLACING;
                    unlink(t.slot);
                }
                made.add(p);
            }
        }
        return made;
    }

    private @org.jspecify.annotations.Nullable Proposal groupAround(Ticket anchor) {
        reset(anchor);
        near.clear();
        boolean parties = false;
        int left = prev[anchor.slot];
        int right = next[anchor.slot];
        int scanned = 0;
        while (need > 0 && (left >= 0 || right < byRating.size()) && scanned++ < 2 * SCAN_LIMIT) {
            double dl = left >= 0 ? anchor.rating - byRating.get(left).rating : Double.POSITIVE_INFINITY;
            double dr = right < byRating.size() ? byRating.get(right).rating - anchor.rating : Double.POSITIVE_INFINITY;
            if (Math.min(dl, dr) > window) {
                break; // every further ticket is farther from the anchor than the tightest window allows
            }
            Ticket c;
            if (dl <= dr) {
                c = byRating.get(left);
                left = prev[left];
            } else {
                c = byRating.get(right);
                right = next[right];
            }
            if (c.state == Ticket.State.SEARCHING) {
                near.add(c);
                parties |= c.size() > 1;
                tryAdd(c);
            }
        }
        if (need > 0 && parties) {
            // the nearest-first fill can strand a party (two singles took the seats it needed): try the biggest
            // tickets first, nearest first among equals
            reset(anchor);
            near.sort(BIGGEST_FIRST);
            for (int i = 0; i < near.size() && need > 0; i++) {
                tryAdd(near.get(i));
            }
        }
        if (need > 0 && !botsMayFill(anchor)) {
            return null;
        }
        return seat(max - min, need);
    }

    private void reset(Ticket anchor) {
        group.clear();
        group.add(anchor);
        // a backfill request wants one player for its open seat
        need = anchor.backfill != null ? 1 : mode.seats() - anchor.size();
        min = anchor.rating;
        max = anchor.rating;
        window = anchor.window;
    }

    /** Adds {@code c} to the group if it fits the seats left, every window, and whole teams. */
    private void tryAdd(Ticket c) {
        double newMin = Math.min(min, c.rating);
        double newMax = Math.max(max, c.rating);
        double newWindow = Math.min(window, c.window);
        if (c.backfill != null || c.size() > need || newMax - newMin > newWindow || !fits(c)) {
            return;
        }
        group.add(c);
        need -= c.size();
        min = newMin;
        max = newMax;
        window = newWindow;
    }

    private boolean botsMayFill(Ticket anchor) {
        if (anchor.backfill != null) {
            return false; // the match is running with an empty seat already; it waits for a player
        }
        int humans = group.stream().mapToInt(Ticket::size).sum();
        return mode.bots() && now - anchor.queuedAt >= mode.botsAfterMillis() && humans >= mode.minHumans();
    }

    /** Whether the group plus {@code c} can still fill whole teams, parties unsplit. */
    private boolean fits(Ticket c) {
        // Teams of one or two always pack while seats remain: pairs take a team each (there are at most as many
        // pairs as teams) and singles fill the rest. Only bigger teams need the check.
        if (mode.teamSize() <= 2 || group.getFirst().backfill != null) {
            return true;
        }
        java.util.Arrays.fill(bySize, 0);
        for (Ticket t : group) {
            bySize[t.size()]++;
        }
        bySize[c.size()]++;
        return TeamBalancer.packable(bySize, rooms, mode.teams(), mode.teamSize());
    }

    /**
     * Balances the group (plus {@code bots} bots rated as the group's mean) into seats. Plain arrays and loops: this
     * runs once per match made, and a pass over a large pool makes thousands.
     */
    private @org.jspecify.annotations.Nullable Proposal seat(double spread, int bots) {
        Ticket.Backfill backfill = group.getFirst().backfill;
        if (backfill != null) {
            Ticket.Member newcomer = group.get(1).members.getFirst();
            return new Proposal(
                    mode,
                    region,
                    List.copyOf(group),
                    List.of(new PlannedSeat(newcomer.player(), newcomer.rating(), backfill.team())),
                    spread,
                    0);
        }
        // In a free-for-all a party shares the match, not a team: each of its players is a unit of their own.
        boolean split = mode.teamSize() == 1;
        int n = mode.seats();
        PlayerId[] players = new PlayerId[n];
        double[] ratings = new double[n];
        int[] unitOf = new int[n];
        int units = 0;
        int k = 0;
        double total = 0;
        for (Ticket t : group) {
            for (Ticket.Member m : t.members) {
                players[k] = m.player();
                ratings[k] = m.rating();
                unitOf[k++] = split ? units++ : units;
            }
            units += split ? 0 : 1;
            total += t.ratingSum;
        }
        double botRating = total / k;
        for (int b = 0; b < bots; b++) {
            ratings[k] = botRating;
            unitOf[k++] = units++;
        }
        int[] teamOf;
        if (split) {
            teamOf = new int[units];
            for (int u = 0; u < units; u++) {
                teamOf[u] = u;
            }
        } else {
            int[] sizes = new int[units];
            double[] sums = new double[units];
            for (int i = 0; i < n; i++) {
                sizes[unitOf[i]]++;
                sums[unitOf[i]] += ratings[i];
            }
            teamOf = TeamBalancer.balance(sizes, sums, mode.teams(), mode.teamSize());
            if (teamOf == null) {
                return null;
            }
        }
        List<PlannedSeat> seats = new ArrayList<>(n);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int team = 0; team < mode.teams(); team++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (teamOf[unitOf[i]] == team) {
                    seats.add(new PlannedSeat(players[i], ratings[i], team));
                    sum += ratings[i];
                }
            }
            min = Math.min(min, sum);
            max = Math.max(max, sum);
        }
        return new Proposal(mode, region, List.copyOf(group), seats, spread, max - min);
    }

    private void unlink(int slot) {
        int p = prev[slot];
        int n = next[slot];
        if (p >= 0) {
            next[p] = n;
        }
        if (n < next.length) {
            prev[n] = p;
        }
    }
}
