package org.gamebackend.ranking.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;

/**
 * Where each side of a finished match placed, read from the game's result without knowing the game (docs/ranking.md):
 *
 * <ul>
 *   <li>{@code scores} (player id → number): a side scores the sum of its players'; higher places first, equal scores
 *       tie, and the side holding {@code winner} (when named) places first whatever its score;
 *   <li>otherwise {@code winner}: the winner's side first, every other side second; a null winner is a draw;
 *   <li>anything else, or an aborted match, places nobody: it counts as played but changes no rating.
 * </ul>
 *
 * @param sides the seats of each side (by team number), in team order
 * @param places each side's place, 1 = first; equal places tie; empty when nobody placed
 */
record Outcome(List<List<Seat>> sides, List<Integer> places) {

    static Outcome of(MatchFinished match) {
        Map<Integer, List<Seat>> byTeam = new TreeMap<>();
        match.seats()
                .forEach(s ->
                        byTeam.computeIfAbsent(s.team(), t -> new ArrayList<>()).add(s));
        List<List<Seat>> sides = List.copyOf(byTeam.values());
        if (!MatchResult.FINISHED.equals(match.status()) || sides.size() < 2) {
            return new Outcome(sides, List.of());
        }
        Map<String, @Nullable Object> result = match.result();
        Object winner = result.get("winner");
        if (result.get("scores") instanceof Map<?, ?> scores) {
            return new Outcome(sides, byScore(sides, scores, winner));
        }
        if (result.containsKey("winner")) {
            List<Integer> places = new ArrayList<>();
            sides.forEach(side -> places.add(winner == null || holds(side, winner) ? 1 : 2));
            return new Outcome(sides, winner == null || places.contains(1) ? places : List.of());
        }
        return new Outcome(sides, List.of());
    }

    private static List<Integer> byScore(List<List<Seat>> sides, Map<?, ?> scores, @Nullable Object winner) {
        double[] totals = new double[sides.size()];
        for (int i = 0; i < sides.size(); i++) {
            for (Seat seat : sides.get(i)) {
                if (scores.get(seat.player().value().toString()) instanceof Number n) {
                    totals[i] += n.doubleValue();
                }
            }
        }
        // the winner's side first, then by score, highest first
        Comparator<Integer> order = Comparator.comparing((Integer i) -> winner != null && holds(sides.get(i), winner))
                .reversed()
                .thenComparing(i -> -totals[i]);
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(order);
        Integer[] places = new Integer[sides.size()];
        for (int r = 0; r < ranked.size(); r++) {
            int side = ranked.get(r);
            boolean tiesPrevious = r > 0 && order.compare(ranked.get(r - 1), side) == 0;
            places[side] = tiesPrevious ? places[ranked.get(r - 1)] : r + 1;
        }
        return List.of(places);
    }

    private static boolean holds(List<Seat> side, Object player) {
        return side.stream().anyMatch(s -> s.player().value().toString().equals(player.toString()));
    }

    boolean placed() {
        return !places.isEmpty();
    }

    /** {@code win} for a side alone in first place, {@code draw} for one sharing it, else {@code loss}. */
    String outcomeOf(int side) {
        if (!placed()) {
            return "none";
        }
        int place = places.get(side);
        if (place != 1) {
            return "loss";
        }
        return places.stream().filter(p -> p == 1).count() > 1 ? "draw" : "win";
    }
}
