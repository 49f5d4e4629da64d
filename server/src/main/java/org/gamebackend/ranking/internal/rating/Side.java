package org.gamebackend.ranking.internal.rating;

import java.util.List;

/**
 * One side of a finished match: its players' skills (in seat order) and where it finished: rank 1 = first; equal
 * ranks tie.
 */
public record Side(List<Skill> players, int rank) {

    public Side {
        players = List.copyOf(players);
        if (players.isEmpty()) {
            throw new IllegalArgumentException("a side needs at least one player");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("rank " + rank + " (1 = first)");
        }
    }

    /** The score of this side against another as one game between them: 1 win, 0.5 tie, 0 loss. */
    double scoreAgainst(Side other) {
        return rank < other.rank ? 1 : rank == other.rank ? 0.5 : 0;
    }

    /** The sides of one match, checked once here so every system rejects the same bad input. */
    static List<Side> match(List<Side> sides) {
        if (sides.size() < 2) {
            throw new IllegalArgumentException("a match needs at least two sides, got " + sides.size());
        }
        return List.copyOf(sides);
    }
}
