package org.gamebackend.matchmaking.internal;

import java.util.Arrays;

/**
 * Splits the units of a group (parties, single players, bots) into teams of fixed size so that the sums of team
 * ratings differ as little as possible, never splitting a unit. Groups are small (at most a few dozen players), so the
 * search is exact, with a node budget as a guard.
 */
final class TeamBalancer {

    /** Past this many search nodes the best split found so far (at least the greedy one) is taken. */
    private static final int NODE_BUDGET = 20_000;

    private final int[] sizes;
    private final double[] sums;
    private final int teams;
    private final int teamSize;
    private final int[] order;
    private final int[] fill;
    private final double[] teamSums;
    private final int[] current;
    private int[] best = new int[0];
    private double bestSpread = Double.POSITIVE_INFINITY;
    private int nodes;

    private TeamBalancer(int[] sizes, double[] sums, int teams, int teamSize) {
        this.sizes = sizes;
        this.sums = sums;
        this.teams = teams;
        this.teamSize = teamSize;
        // Big units first (they are the hardest to place, so dead ends show early), the strongest first among
        // equals (so the greedy start is a draft that spreads strength over the teams).
        this.order = new int[sizes.length];
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0
                    && (sizes[order[j - 1]] < sizes[i]
                            || (sizes[order[j - 1]] == sizes[i] && sums[order[j - 1]] < sums[i]))) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        this.fill = new int[teams];
        this.teamSums = new double[teams];
        this.current = new int[sizes.length];
    }

    /**
     * The team of each unit, or null when the units cannot fill the teams exactly.
     *
     * @param sizes players per unit; they must add up to teams × teamSize
     * @param sums the sum of the unit's ratings
     */
    static int @org.jspecify.annotations.Nullable [] balance(int[] sizes, double[] sums, int teams, int teamSize) {
        if (Arrays.stream(sizes).sum() != teams * teamSize) {
            return null;
        }
        TeamBalancer b = new TeamBalancer(sizes, sums, teams, teamSize);
        b.greedy();
        b.search(0);
        return b.best.length == 0 ? null : b.best;
    }

    /**
     * Whether units can fill teams exactly, first fit biggest first (exact for team sizes up to 6). Allocation-free:
     * it runs for every candidate of every group.
     *
     * @param bySize how many units have each size (index = size); left unchanged
     * @param rooms scratch, one entry per team
     */
    static boolean packable(int[] bySize, int[] rooms, int teams, int teamSize) {
        java.util.Arrays.fill(rooms, 0, teams, teamSize);
        for (int size = bySize.length - 1; size >= 1; size--) {
            for (int n = bySize[size]; n > 0; n--) {
                int t = 0;
                while (t < teams && rooms[t] < size) {
                    t++;
                }
                if (t == teams) {
                    return false;
                }
                rooms[t] -= size;
            }
        }
        return true;
    }

    /** Biggest unit first into the lightest team with room: a good answer at once, the bar the search must beat. */
    private void greedy() {
        int[] assigned = new int[sizes.length];
        boolean packed = true;
        for (int unit : order) {
            int pick = -1;
            for (int t = 0; t < teams; t++) {
                if (fill[t] + sizes[unit] <= teamSize && (pick < 0 || teamSums[t] < teamSums[pick])) {
                    pick = t;
                }
            }
            if (pick < 0) {
                packed = false; // greedy packing failed; the search may still find one
                break;
            }
            fill[pick] += sizes[unit];
            teamSums[pick] += sums[unit];
            assigned[unit] = pick;
        }
        if (packed) {
            best = assigned;
            bestSpread = spread();
        }
        java.util.Arrays.fill(fill, 0);
        java.util.Arrays.fill(teamSums, 0);
    }

    private void search(int depth) {
        if (++nodes > NODE_BUDGET && best.length > 0) {
            return;
        }
        if (depth == order.length) {
            double spread = spread();
            if (spread < bestSpread) {
                bestSpread = spread;
                best = current.clone();
            }
            return;
        }
        int unit = order[depth];
        boolean triedEmpty = false;
        for (int t = 0; t < teams; t++) {
            if (fill[t] + sizes[unit] > teamSize) {
                continue;
            }
            if (fill[t] == 0) {
                // Empty teams are interchangeable: trying one is enough.
                if (triedEmpty) {
                    continue;
                }
                triedEmpty = true;
            }
            fill[t] += sizes[unit];
            teamSums[t] += sums[unit];
            current[unit] = t;
            search(depth + 1);
            fill[t] -= sizes[unit];
            teamSums[t] -= sums[unit];
        }
    }

    private double spread() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : teamSums) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return max - min;
    }
}
